import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { certificateFingerprint, connectionCode } from './code';
import { machineNames, networkAddresses } from './names';

export interface ServerCertificate {
  keyPem: string;
  certPem: string;
  /** 4×4 digits, see code.ts. */
  code: string;
  fingerprint: string;
  /** ISO date after which browsers and clients refuse it. */
  validTo: string;
}

/** Where the server keeps its key and certificate: beside the database, like everything else of one journal. */
export function tlsDirFor(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'zhurnal-tls');
}

const validYears = 20;

function describe(keyPem: string, certPem: string): ServerCertificate {
  const x509 = new X509Certificate(certPem);
  return {
    keyPem,
    certPem,
    code: connectionCode(x509.raw),
    fingerprint: certificateFingerprint(x509.raw),
    validTo: new Date(x509.validTo).toISOString(),
  };
}

async function create(names: string[], addresses: string[]): Promise<{ keyPem: string; certPem: string }> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000); // a client whose clock lags a day still accepts it
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + validYears);
  const ips = [...new Set(['127.0.0.1', '::1', ...addresses])];
  const pems = await generate(
    [
      { name: 'commonName', value: names[0] ?? 'zhurnal' },
      { name: 'organizationName', value: 'Журнал' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        // Not a CA: Firefox refuses a CA certificate used as a server's own.
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...names.map((value) => ({ type: 2 as const, value })),
            ...ips.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  return { keyPem: pems.private, certPem: pems.cert };
}

/**
 * The server's key and self-signed certificate in `dir`, made on the first start and kept from then on: the
 * connection code other computers pinned is the certificate's, so it must not change when an address does (a
 * new address only makes a browser that trusts the certificate warn about the name; pinned clients don't look
 * at names). The key is readable by the app's account only.
 */
export async function loadOrCreateCertificate(dir: string): Promise<ServerCertificate> {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    return describe(fs.readFileSync(keyFile, 'utf8'), fs.readFileSync(certFile, 'utf8'));
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { keyPem, certPem } = await create(machineNames(), networkAddresses());
  // The key first and the certificate last: a start interrupted between them makes both again next time.
  fs.writeFileSync(keyFile, keyPem, { mode: 0o600 });
  fs.chmodSync(keyFile, 0o600);
  fs.writeFileSync(certFile, certPem, { mode: 0o644 });
  return describe(keyPem, certPem);
}
