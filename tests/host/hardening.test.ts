// The host's hardening over real HTTP: the session cookie's flags, the refusal of cross-site and foreign-name
// requests (CSRF, DNS rebinding), the per-address rate limit, the body size limit, and «Школьная сеть»:
// another computer is answered only while the admin has it switched on, and then over HTTPS only.
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type StartedHost } from '../../src/host/start';
import { loadOrCreateCertificate, type ServerCertificate } from '../../src/host/tls/certificate';
import { contract } from '../../src/shared/contract';
import { buildAccessSchool } from '../helpers/access-school';
import { directCaller, testCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';

const core = testCore();
let host: StartedHost;
let port = 0;
let certificate: ServerCertificate;

/** A raw request, so the test can send the Host and Origin a browser would (fetch forbids setting Host). */
function request(
  path: string,
  {
    address = '127.0.0.1',
    headers = {},
    body = '{}',
    secure = false,
  }: { address?: string; headers?: Record<string, string>; body?: string; secure?: boolean } = {},
) {
  return new Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    json: { ok: boolean; error?: { kind: string; message: string } } | null;
    text: string;
  }>((resolve, reject) => {
    const options = {
      host: address,
      port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', host: `${address}:${port}`, ...headers },
    };
    // Over HTTPS the server's own certificate is the only one trusted, with its names checked.
    const req = secure
      ? https.request({ ...options, ca: certificate.certPem }, onResponse)
      : http.request(options, onResponse);
    function onResponse(res: http.IncomingMessage) {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        let json = null;
        try {
          json = JSON.parse(text) as never;
        } catch {
          /* a page, not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json, text });
      });
    }
    // A refused oversized body: the server answers and closes before the client has written it all.
    req.on('socket', (socket) => socket.on('error', () => undefined));
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    req.end(body);
  });
}

let schoolNetwork = false;
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

beforeAll(async () => {
  buildAccessSchool(core);
  certificate = await loadOrCreateCertificate(tempDir());
  host = await startHost({
    dispatch: core.dispatch,
    port: 0,
    host: '0.0.0.0',
    tls: certificate,
    schoolNetwork: () => schoolNetwork,
    rateLimit: { burst: 40, perSecond: 2 },
  });
  port = Number(new URL(host.url).port);
});
afterAll(() => host.close());

describe('the host shell’s defences', () => {
  it('gives the session cookie HttpOnly, SameSite=Strict and Secure (this computer is a secure context)', async () => {
    const res = await request('/api/auth:login', { body: JSON.stringify({ login: 'admin', password: 'demo' }) });
    expect(res.json).toMatchObject({ ok: true });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
  });

  it('refuses a call from another site’s page (Origin or Sec-Fetch-Site), and takes the app’s own', async () => {
    const cookie = String(
      (
        (await request('/api/auth:login', { body: JSON.stringify({ login: 'admin', password: 'demo' }) })).headers[
          'set-cookie'
        ] as string[]
      )[0],
    ).split(';')[0]!;
    const evil = await request('/api/users:create', {
      headers: { cookie, origin: 'http://evil.example' },
      body: JSON.stringify({ login: 'csrf', lastName: 'Взломов', firstName: 'Иван', roles: ['admin'] }),
    });
    expect(evil.status).toBe(403);
    expect(evil.json?.error?.message).toMatch(/с другого сайта/);
    const crossSite = await request('/api/auth:logout', { headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const own = await request('/api/auth:me', {
      headers: { cookie, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.json).toMatchObject({ ok: true, value: { login: 'admin' } });
    expect(core.db.$client.prepare("select count(*) as n from users where login = 'csrf'").get()).toEqual({ n: 0 });
  });

  it('answers only to its own names: a foreign Host (DNS rebinding) is refused', async () => {
    const rebound = await request('/api/setup:status', { headers: { host: `evil.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.json?.error?.message).toMatch(/Неизвестный адрес/);
    for (const name of [`localhost:${port}`, `${os.hostname()}:${port}`]) {
      expect((await request('/api/setup:status', { headers: { host: name } })).status, name).toBe(200);
    }
  });

  it('refuses a body over 16 MB with a validation error', async () => {
    const res = await request('/api/plans:previewImport', {
      body: JSON.stringify({ contentBase64: 'A'.repeat(17 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ ok: false, error: { kind: 'validation', message: 'Слишком большой запрос' } });
  });

  it.runIf(lanAddress)('answers another computer only while «Школьная сеть» is on', async () => {
    schoolNetwork = false;
    const off = await request('/api/setup:status', { address: lanAddress, secure: true });
    expect(off.status).toBe(403);
    expect(off.json?.error?.message).toMatch(/доступ из школьной сети выключен/);
    expect((await request('/', { address: lanAddress, secure: true })).text).toMatch(/только на компьютере/);
    // The admin switches it on through the contract; the host reads it on the next request.
    const admin = directCaller(core);
    await admin.value(contract.auth.login, { login: 'admin', password: 'demo' });
    expect(await admin.send(contract.network.set, { schoolNetwork: true, password: 'demo' })).toEqual({
      ok: true,
      value: { schoolNetwork: true },
    });
    schoolNetwork = core.services.network.schoolNetwork();
    expect((await request('/api/setup:status', { address: lanAddress, secure: true })).json).toMatchObject({
      ok: true,
    });
    // In clear, from another address: a page that names the https address, and nothing of the journal.
    const login = JSON.stringify({ login: 'admin', password: 'demo' });
    const plain = await request('/api/auth:login', { address: lanAddress, body: login });
    expect(plain.status).toBe(403);
    expect(plain.text).toContain(`https://${lanAddress}:${port}/`);
    expect(plain.headers['set-cookie']).toBeUndefined();
    expect(plain.json).toBeNull();
    // Over HTTPS the session cookie is Secure.
    const secure = await request('/api/auth:login', { address: lanAddress, body: login, secure: true });
    expect(secure.json).toMatchObject({ ok: true });
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure/);
    const audit = core.db.$client
      .prepare("select old_value, new_value from audit_log where action = 'settings.school_network'")
      .all();
    expect(audit).toEqual([{ old_value: 'false', new_value: 'true' }]);
  });

  it('limits calls per address: past the burst, 429 with Retry-After and a Russian message', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 45; i++) answers.push((await request('/api/setup:status')).status);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0);
    const last = await request('/api/setup:status');
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json?.error?.message).toMatch(/Слишком много запросов/);
  });
});
