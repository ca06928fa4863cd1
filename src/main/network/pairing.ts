import tls from 'node:tls';
import { isIP } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { certificateFingerprint, matchesConnectionCode } from '../../host/tls/code';
import type { Result } from '../../shared/errors';
import type { ServerAddress } from './address';
import { noConnection, remoteTransport, type PinnedServer } from './transport';

export const codeMismatch =
  'Код подключения не совпадает с сертификатом этого сервера: сверьте код на экране компьютера, где хранится журнал.';

/** The certificate a server presents, before trusting anything: only its bytes are looked at, then compared. */
export function presentedCertificate(address: ServerAddress, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address.host,
      port: address.port,
      rejectUnauthorized: false,
      ...(isIP(address.host) ? {} : { servername: address.host }),
    });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      resolve(raw);
    });
    socket.once('error', reject);
  });
}

export interface PairedServer extends PinnedServer {
  /** SHA-256 of the pinned certificate, as «Школьная сеть» on the server shows it. */
  fingerprint: string;
  /** The school's short name, as the server reported it when the code matched. */
  schoolName: string | null;
}

/**
 * Pins a certificate the person trusts already (the one beside a journal file on this computer, say); null only
 * for a server on this computer that speaks plain HTTP to it.
 */
export async function pinCertificate(address: ServerAddress, certPem: string | null): Promise<Result<PairedServer>> {
  const server: PinnedServer = { host: address.host, port: address.port, certPem };
  // One call over the pinned connection: the same release (else the server's Russian refusal), and a journal.
  const transport = remoteTransport(server, { timeoutMs: 15_000 });
  try {
    const status = await transport.dispatch(
      'setup:status',
      {},
      { sessionToken: null, client: 'desktop', setSession() {} },
    );
    if (!status.ok) return status;
    const { schoolName } = status.value as { schoolName: string | null };
    return {
      ok: true,
      value: {
        ...server,
        fingerprint: certPem ? certificateFingerprint(new X509Certificate(certPem).raw) : '',
        schoolName,
      },
    };
  } finally {
    transport.close();
  }
}

/**
 * Connecting a computer to the school's journal once: the certificate the server presents must be the one whose
 * connection code the person read off the server's screen; then it is the only certificate this client accepts.
 */
export async function pairWithServer(address: ServerAddress, code: string): Promise<Result<PairedServer>> {
  let der: Buffer;
  try {
    der = await presentedCertificate(address);
  } catch {
    return { ok: false, error: { kind: 'io', message: noConnection } };
  }
  if (!matchesConnectionCode(der, code)) return { ok: false, error: { kind: 'forbidden', message: codeMismatch } };
  return pinCertificate(address, new X509Certificate(der).toString());
}
