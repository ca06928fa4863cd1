import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import type { CallContext, Dispatch } from '../../core/api/dispatch';
import type { Result } from '../../shared/errors';
import { appVersion, versionHeader, versionRefusal } from '../../shared/version';
import { noConnection } from '../../shared/connection';
import { computerHeader, encodeComputerName } from '../../shared/computer';
import { isLoopback } from '../../host/guard';
import { serverUrl, type ServerAddress } from './address';

/**
 * The school's server as this client knows it: where it is and the one certificate it trusts there. No
 * certificate only for a server on this very computer (127.0.0.1), whose plain HTTP never leaves it.
 */
export interface PinnedServer extends ServerAddress {
  certPem: string | null;
}

export const certificateChanged = 'Сертификат сервера изменился: обратитесь к администратору.';
export { noConnection };

const sessionCookie = 'zhurnal_session';

/** Thrown from the TLS handshake when the server shows any certificate but the pinned one. */
class PinMismatch extends Error {
  readonly code = 'ZHURNAL_PIN_MISMATCH';
}

// Node's own verdicts on a certificate the trusted one did not sign: the same thing seen from the CA check.
const certificateCodes =
  /^(ZHURNAL_PIN_MISMATCH|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_SIGNATURE_FAILURE|CERT_UNTRUSTED|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID)$/;

const failure = (
  kind: 'io' | 'forbidden' | 'conflict' | 'internal' | 'unauthorized',
  message: string,
): Result<never> => ({
  ok: false,
  error: { kind, message },
});

/**
 * The pin: only a certificate byte-for-byte equal to the one whose connection code the person compared. It is
 * also the only CA, so the handshake itself fails for any other; names are not checked, since the server's
 * address may change (DHCP) while its certificate stays.
 */
export function pinnedAgent(certPem: string): https.Agent {
  const pinned = new X509Certificate(certPem).raw;
  return new https.Agent({
    keepAlive: true,
    maxSockets: 8,
    ca: certPem,
    minVersion: 'TLSv1.2',
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.raw?.equals(pinned) ? undefined : new PinMismatch(certificateChanged),
  });
}

/** The session token a response set, null when it cleared it, undefined when it said nothing about it. */
function sessionFrom(res: IncomingMessage): string | null | undefined {
  for (const line of res.headers['set-cookie'] ?? []) {
    const match = new RegExp(`^${sessionCookie}=([^;]*)`).exec(line);
    if (!match) continue;
    const cleared = match[1] === '' || /;\s*max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line);
    return cleared ? null : decodeURIComponent(match[1]!);
  }
  return undefined;
}

function read(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => resolve(body));
    res.on('error', reject);
  });
}

/** A long answer being read (see RemoteTransport.stream). */
export interface RemoteStream {
  /** Settles when the server ends it, the connection drops, or close() was called: ok unless it never opened. */
  done: Promise<Result<null>>;
  close(): void;
}

export interface RemoteTransport {
  /** The contract over HTTPS, as the desktop's IPC calls it: the session token is the server's cookie. */
  dispatch: Dispatch;
  /**
   * A GET read as it arrives, over the same pinned connection and with the window's session: the seam for the
   * server's change events (`/api/events`, server-sent events), which main relays to its window through the
   * preload as it does progress. Each piece of text goes to `onText` in order.
   */
  stream(pathname: string, sessionToken: string | null, onText: (text: string) => void): RemoteStream;
  server: PinnedServer;
  close(): void;
}

/**
 * The desktop client's transport: each call of the contract as `POST /api/<channel>` to the school's server,
 * over TLS to the pinned certificate only, with this release's version and the session cookie, which main
 * keeps (the page never sees it). Failures come back as Results in Russian, like any refused call.
 */
export function remoteTransport(
  server: PinnedServer,
  options: {
    timeoutMs?: number;
    /** This build's release; a test pretends to be another. */
    version?: string;
    /** This computer's name as the server's audit log shows it (the OS's host name unless given). */
    computerName?: string;
  } = {},
): RemoteTransport {
  const version = options.version ?? appVersion;
  const loopback = server.certPem === null;
  if (loopback && !isLoopback(server.host)) throw new Error('A server off this computer needs its pinned certificate');
  const agent = server.certPem === null ? new http.Agent({ keepAlive: true }) : pinnedAgent(server.certPem);
  const base = loopback ? serverUrl(server).replace(/^https:/, 'http:') : serverUrl(server);
  const timeoutMs = options.timeoutMs ?? 120_000;

  const dispatch: Dispatch = (channel, input, call) =>
    new Promise<Result<unknown>>((resolve) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        [versionHeader]: version,
        // The server's audit log names the computer a call came from: its address, and this name beside it.
        [computerHeader]: encodeComputerName(options.computerName ?? os.hostname()),
      };
      if (call.sessionToken) headers['cookie'] = `${sessionCookie}=${encodeURIComponent(call.sessionToken)}`;
      const req = (loopback ? http : https).request(
        new URL(`api/${encodeURIComponent(channel)}`, base),
        { method: 'POST', agent, headers, signal: call.signal, timeout: timeoutMs },
        (res) => void answer(res, call, version).then(resolve),
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: Error & { code?: string }) =>
        resolve(
          certificateCodes.test(error.code ?? '')
            ? failure('forbidden', certificateChanged)
            : failure('io', noConnection),
        ),
      );
      req.end(JSON.stringify(input ?? {}));
    });

  const stream = (pathname: string, sessionToken: string | null, onText: (text: string) => void): RemoteStream => {
    const headers: Record<string, string> = { accept: 'text/event-stream', [versionHeader]: version };
    if (sessionToken) headers['cookie'] = `${sessionCookie}=${encodeURIComponent(sessionToken)}`;
    let req: http.ClientRequest | null = null;
    const done = new Promise<Result<null>>((resolve) => {
      req = (loopback ? http : https).request(
        new URL(pathname.replace(/^\//, ''), base),
        { method: 'GET', agent, headers },
        (res) => {
          const theirs = res.headers[versionHeader];
          const refusal = typeof theirs === 'string' ? versionRefusal(version, theirs) : null;
          const status = res.statusCode ?? 0;
          if (refusal || status >= 400) {
            res.resume();
            if (refusal) resolve(failure('conflict', refusal));
            // The session ended or locked: no use asking again with it.
            else if (status === 401) resolve(failure('unauthorized', 'Сеанс завершён: войдите в систему снова'));
            else resolve(failure('io', `Сервер отказал: HTTP ${status}`));
            return;
          }
          res.setEncoding('utf8');
          res.on('data', onText);
          // A server that went away mid-answer: 'close' without 'end', or an error.
          for (const event of ['end', 'error', 'close']) res.on(event, () => resolve({ ok: true, value: null }));
        },
      );
      req.on('error', (error: Error & { code?: string }) =>
        resolve(
          certificateCodes.test(error.code ?? '')
            ? failure('forbidden', certificateChanged)
            : failure('io', noConnection),
        ),
      );
      req.end();
    });
    return { done, close: () => req?.destroy() };
  };

  return { dispatch, stream, server, close: () => agent.destroy() };
}

async function answer(res: IncomingMessage, call: CallContext, version: string): Promise<Result<unknown>> {
  let body: string;
  try {
    body = await read(res);
  } catch {
    return failure('io', noConnection);
  }
  const theirs = res.headers[versionHeader];
  const refusal = typeof theirs === 'string' ? versionRefusal(version, theirs) : null;
  if (refusal) return failure('conflict', refusal);
  const session = sessionFrom(res);
  if (session !== undefined) call.setSession(session);
  try {
    const result = JSON.parse(body) as Result<unknown>;
    if (typeof result === 'object' && result !== null && typeof result.ok === 'boolean') return result;
  } catch {
    // below
  }
  return failure('internal', `Сервер ответил не по протоколу (HTTP ${res.statusCode ?? 0})`);
}
