// A client of the school network as the desktop client will be: it takes the certificate the server presents,
// compares it with the connection code the person typed, and from then on trusts that certificate only.
// Run in a process of its own (inside a network namespace, as another computer) or imported by a test.
import https from 'node:https';
import tls from 'node:tls';
import { createHash, X509Certificate } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { matchesConnectionCode } from '../../src/host/tls/code';
import { computerHeader, encodeComputerName } from '../../src/shared/computer';
import { appVersion, versionHeader } from '../../src/shared/version';

/** The certificate a server presents, without trusting it yet (only its bytes are looked at). */
export function presentedCertificate(url: string): Promise<Buffer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: hostname.replace(/^\[|\]$/g, ''), port: Number(port), rejectUnauthorized: false },
      () => {
        const raw = socket.getPeerCertificate().raw;
        socket.end();
        resolve(raw);
      },
    );
    socket.on('error', reject);
  });
}

/** Chromium's pin of a certificate's public key (base64 SHA-256 of the SubjectPublicKeyInfo). */
export function spkiPin(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export type Answer = { status: number; cookie: string | null; body: string };

/** A call over HTTPS that trusts exactly one certificate, whatever names it carries. */
export function pinnedCall(
  url: string,
  pinned: Buffer,
  channel: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const pem = new X509Certificate(pinned).toString();
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(`api/${channel}`, url),
      {
        method: 'POST',
        ca: pem,
        // The pin replaces the name check: the address may have changed since the certificate was made.
        checkServerIdentity: (_host, cert) =>
          cert.raw.equals(pinned) ? undefined : new Error('Сервер предъявил другой сертификат'),
        headers: { 'content-type': 'application/json', [versionHeader]: appVersion, ...headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0] ?? null, body }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** Connects by the code, logs in and asks who it is: what a person does at another computer. */
export async function loginByCode(url: string, code: string, login: string, password: string, computer?: string) {
  const presented = await presentedCertificate(url);
  if (!matchesConnectionCode(presented, code))
    return { refused: 'Код подключения не совпадает с сертификатом сервера' as const };
  // The name of this computer, as the desktop client sends it for the server's audit log.
  const named: Record<string, string> = computer ? { [computerHeader]: encodeComputerName(computer) } : {};
  const answer = await pinnedCall(url, presented, 'auth:login', { login, password }, named);
  const token = /zhurnal_session=([^;]+)/.exec(answer.cookie ?? '')?.[1] ?? null;
  const me = await pinnedCall(url, presented, 'auth:me', {}, token ? { cookie: `zhurnal_session=${token}` } : {});
  return { login: answer, token, me };
}

// As a program: tsx tests/helpers/pinned-client.ts URL CODE LOGIN PASSWORD [COMPUTER] → one line of JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, code, login, password, computer] = process.argv.slice(2) as [string, string, string, string, string?];
  loginByCode(url, code, login, password, computer).then(
    (result) => console.log(JSON.stringify(result)),
    (error: Error) => {
      console.log(JSON.stringify({ error: error.message }));
      process.exitCode = 1;
    },
  );
}
