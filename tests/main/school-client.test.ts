// The desktop app as the school's server and as its client, under Node with real TLS: the app's host started and
// stopped by the switch, a client that pairs by the connection code, forwards calls with the session cookie kept
// in main, and refuses a changed certificate or another release with the Russian message.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/api/dispatch';
import { loadOrCreateCertificate, tlsDirFor } from '../../src/host/tls/certificate';
import { codeMismatch, pairWithServer, type PairedServer } from '../../src/main/network/pairing';
import { createSchoolServer, type SchoolServer } from '../../src/main/network/server';
import { certificateChanged, noConnection, remoteTransport } from '../../src/main/network/transport';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';

const dbFile = path.join(tempDir(), 'school.db');
const core = testCore({ dbFile });
const password = 'Tsq9-lantern-orbit-4471';
let networkOn = false;
let server: SchoolServer;
let port = 0;

function session(): CallContext & { tokens: (string | null)[] } {
  const call = {
    sessionToken: null as string | null,
    client: 'desktop',
    tokens: [] as (string | null)[],
    setSession(token: string | null) {
      call.tokens.push(token);
      call.sessionToken = token;
    },
  };
  return call;
}

// The served interface, for the lab's browsers; here a page whose text the stream test looks for.
const rendererDir = tempDir();
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Журнал</title><p>страница журнала</p>');

const startServer = () =>
  createSchoolServer({
    dispatch: core.dispatch,
    schoolNetwork: () => networkOn,
    dbFile,
    port,
    lock: core.lock,
    rendererDir,
    live: core.live,
  });

beforeAll(async () => {
  await directCaller(core).value(contract.setup.createSchool, {
    schoolName: 'Школа № 5',
    admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
  });
  server = startServer();
});
afterAll(() => server.stop());

describe('the desktop app as the school’s server', () => {
  it('makes its certificate while the network is off, serves when switched on and stops when switched off', async () => {
    const off = await server.sync();
    expect(off.listening).toBe(false);
    expect(off.certificate?.code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(fs.existsSync(path.join(tlsDirFor(dbFile), 'cert.pem'))).toBe(true);

    networkOn = true;
    const on = await server.sync();
    expect(on.listening).toBe(true);
    port = on.port!;
    expect(on.urls.every((u) => u.startsWith('https://') && u.endsWith(`:${port}/`))).toBe(true);
    const paired = await pairWithServer({ host: '127.0.0.1', port }, on.certificate!.code);
    expect(paired).toMatchObject({ ok: true, value: { schoolName: 'Школа № 5', port } });

    networkOn = false;
    expect((await server.sync()).listening).toBe(false);
    const gone = await pairWithServer({ host: '127.0.0.1', port }, on.certificate!.code);
    expect(gone).toEqual({ ok: false, error: { kind: 'io', message: noConnection } });

    networkOn = true;
    expect((await server.sync()).port).toBe(port);
  });
});

describe('the desktop client', () => {
  let pinned: PairedServer;

  it('pairs only by the code of the certificate the server presents', async () => {
    const code = server.served().certificate!.code;
    const wrong = code.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(await pairWithServer({ host: '127.0.0.1', port }, wrong)).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: codeMismatch },
    });
    const paired = await pairWithServer({ host: '127.0.0.1', port }, code);
    if (!paired.ok) throw new Error(paired.error.message);
    pinned = paired.value;
    expect(pinned.fingerprint).toBe(server.served().certificate!.fingerprint);
  });

  it('forwards calls over the pinned HTTPS and keeps the session cookie in main', async () => {
    const transport = remoteTransport(pinned, { computerName: 'ИНФОРМАТИКА-3' });
    try {
      const call = session();
      const login = await transport.dispatch('auth:login', { login: 'admin', password }, call);
      expect(login.ok).toBe(true);
      // The server's audit log names this computer: the address it saw, and the name the client sent.
      const entry = core.db.$client
        .prepare("select new_value as v from audit_log where action = 'auth.login' order by id desc limit 1")
        .get() as { v: string };
      expect(JSON.parse(entry.v)).toMatchObject({ computer: expect.stringMatching(/«ИНФОРМАТИКА-3»$/) });
      expect(call.sessionToken).toMatch(/.{16,}/);
      const me = await transport.dispatch('auth:me', {}, call);
      expect(me).toMatchObject({ ok: true, value: { login: 'admin' } });
      // Another window's calls carry no cookie: nobody is logged in there.
      expect(await transport.dispatch('auth:me', {}, session())).toEqual({ ok: true, value: null });
      // Opening a printed file from the network is refused: a viewer would open on the server's screen.
      const open = await transport.dispatch('print:open', { file: '/tmp/x.pdf', action: 'open' }, call);
      expect(open).toMatchObject({
        ok: false,
        error: { kind: 'conflict', message: expect.stringMatching(/где он хранится/) },
      });
      // The seam for the server's change events: a GET read as it arrives, pinned, with the window's session.
      let text = '';
      const page = transport.stream('/journal', call.sessionToken, (t) => (text += t));
      expect(await page.done).toEqual({ ok: true, value: null });
      expect(text).toContain('страница журнала');
      // The app's own server serves the change events too: the session's stream opens, and ends at its logout.
      let events = '';
      const stream = transport.stream('/api/events', call.sessionToken, (t) => (events += t));
      await expect.poll(() => events).toContain('event: ready');
      await transport.dispatch('auth:logout', {}, call);
      await stream.done;
      expect(events).toContain('event: end');
      expect(call.sessionToken).toBeNull();
      expect(await transport.dispatch('auth:me', {}, call)).toEqual({ ok: true, value: null });
    } finally {
      transport.close();
    }
  });

  it('is refused by a server of another release, with the server’s Russian message', async () => {
    const transport = remoteTransport(pinned, { version: '0.0.1' });
    try {
      const result = await transport.dispatch('setup:status', {}, session());
      expect(result).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      if (result.ok) return;
      expect(result.error.message).toMatch(
        /^На этом компьютере Журнал версии 0\.0\.1, на сервере .*обновите Журнал на этом компьютере/,
      );
    } finally {
      transport.close();
    }
  });

  it('refuses the server once it shows another certificate (restarted with a new one), before sending anything', async () => {
    await server.stop();
    fs.rmSync(tlsDirFor(dbFile), { recursive: true });
    server = startServer();
    const renewed = await server.sync();
    expect(renewed.port).toBe(port);
    expect(renewed.certificate!.fingerprint).not.toBe(pinned.fingerprint);
    expect((await loadOrCreateCertificate(tlsDirFor(dbFile))).code).toBe(renewed.certificate!.code);

    const transport = remoteTransport(pinned);
    try {
      const call = session();
      const result = await transport.dispatch('auth:login', { login: 'admin', password }, call);
      expect(result).toEqual({ ok: false, error: { kind: 'forbidden', message: certificateChanged } });
      expect(call.tokens).toEqual([]);
      const events = transport.stream('/api/events', 'a-token', () => {});
      expect(await events.done).toEqual({ ok: false, error: { kind: 'forbidden', message: certificateChanged } });
    } finally {
      transport.close();
    }
  });
});
