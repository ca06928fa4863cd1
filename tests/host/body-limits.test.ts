// Bodies before authentication: a call without a live session may send 64 KB, refused on its declared length
// (or as its bytes come) before the body is read; a signed-in user's calls keep the 16 MB a plan file needs.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type StartedHost } from '../../src/host/start';
import { buildAccessSchool, password } from '../helpers/access-school';
import { testCore } from '../helpers/core';

const core = testCore();
let host: StartedHost;
let port = 0;

interface Sent {
  status: number;
  json: { ok: boolean; error?: { kind: string; message: string } };
  /** Bytes of the body written when the answer came. */
  written: number;
}

/**
 * Sends `total` bytes of body in 64 KB pieces, each after the last was taken, and stops at the answer: a server
 * that answers before reading the body gets only what the socket took meanwhile.
 */
function send(channel: string, total: number, { cookie, declare = true }: { cookie?: string; declare?: boolean }) {
  return new Promise<Sent>((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (declare) headers['content-length'] = total;
    if (cookie) headers.cookie = cookie;
    let written = 0;
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text), written }));
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const more = () => {
      while (!answered && written < total) {
        const n = Math.min(piece.length, total - written);
        written += n;
        if (!req.write(piece.subarray(0, n))) return void req.once('drain', more);
      }
      if (!answered) req.end();
    };
    more();
  });
}

beforeAll(async () => {
  buildAccessSchool(core);
  host = await startHost({ dispatch: core.dispatch, port: 0, rateLimit: { burst: 1e6, perSecond: 1e6 } });
  port = Number(new URL(host.url).port);
});
afterAll(() => host.close());

describe('bodies without a session', () => {
  const sixteenMb = 16 * 1024 * 1024;

  it('refuses a declared 16 MB body without a session before reading it', async () => {
    const res = await send('auth:login', sixteenMb, {});
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ ok: false, error: { kind: 'validation', message: 'Слишком большой запрос' } });
    expect(res.written).toBeLessThan(sixteenMb);
  });

  it('stops reading an undeclared (chunked) body past 64 KB, and a made-up cookie is no session', async () => {
    const res = await send('setup:createSchool', sixteenMb, { declare: false, cookie: 'zhurnal_session=made-up' });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(sixteenMb);
  });

  it('lets a signed-in user send a large call (read, then refused by its schema, not by its size)', async () => {
    const login = await fetch(new URL('api/auth:login', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'root', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await fetch(new URL('api/plans:previewImport', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ contentBase64: 'A'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
