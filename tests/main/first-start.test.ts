// The first start's choice and the client's life, through main's one dispatch (network/desktop-modes.ts) against a
// real school server with real TLS: connect by a typed address and the code, kept for the next start, and another
// server only with the current server's administrator password.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/api/dispatch';
import type { Core } from '../../src/core/app';
import { codeMismatch } from '../../src/main/network/pairing';
import { createDesktopModes, startupChoice } from '../../src/main/network/desktop-modes';
import { savedServerFileName } from '../../src/main/network/saved-server';
import { createSchoolServer, withNetworkSwitch } from '../../src/main/network/server';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { addAccount } from '../helpers/tiny-school';

const serverDb = path.join(tempDir(), 'school.db');
const core = testCore({ dbFile: serverDb });
const password = 'Tsq9-lantern-orbit-4471';
let networkOn = false;
const school = createSchoolServer({
  dispatch: core.dispatch,
  schoolNetwork: () => networkOn,
  dbFile: serverDb,
  port: 0,
});
const adminCall = directCaller(core);
let address = '';
let code = '';

const call = (): CallContext => {
  const c: CallContext = {
    sessionToken: null,
    client: 'desktop',
    setSession(token) {
      c.sessionToken = token;
    },
  };
  return c;
};

/** The PDFs the client handed to this computer's viewer (the OS's part, which only the binary shows). */
const viewed: string[] = [];
const clientPrintDir = path.join(tempDir(), 'Документы', 'Журнал');

function clientApp(userData: string, local: { opened: number; core?: Core } = { opened: 0 }) {
  return createDesktopModes({
    localFiles: {
      files: {
        openFile: async (file) => void viewed.push(file),
        printFile: () => Promise.reject(new Error('not printed in this test')),
      },
      dir: () => clientPrintDir,
    },
    userData,
    hasLocalJournal: () => false,
    openLocal: () => {
      local.opened++;
      return core;
    },
    onLocal: (c) => c.dispatch,
    findSchools: () => Promise.resolve([]),
    describeFailure: (e) => String(e),
  });
}

beforeAll(async () => {
  await adminCall.value(contract.setup.createSchool, {
    schoolName: 'Школа № 5',
    admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
  });
  await adminCall.value(contract.auth.login, { login: 'admin', password });
  // The admin switches «Школьная сеть» on in her own window: the server starts at once.
  const set = withNetworkSwitch(async (channel, input, c) => {
    const result = await core.dispatch(channel, input, c);
    networkOn = result.ok ? (result.value as { schoolNetwork: boolean }).schoolNetwork : networkOn;
    return result;
  }, school);
  expect(await set('network:set', { schoolNetwork: true, password }, adminCall.call)).toEqual({
    ok: true,
    value: { schoolNetwork: true },
  });
  const served = school.served();
  expect(served.listening).toBe(true);
  address = `127.0.0.1:${served.port}`;
  code = served.certificate!.code;
});
afterAll(() => school.stop());

describe('the first start of the desktop app', () => {
  it('decides: a paired computer stays a client, one with a journal opens it, else it asks', () => {
    expect(startupChoice(true, true)).toBe('client');
    expect(startupChoice(false, true)).toBe('local');
    expect(startupChoice(false, false)).toBe('choose');
  });

  it('asks first, opens this computer’s journal on «Открыть журнал этого компьютера»', async () => {
    const local = { opened: 0 };
    const modes = clientApp(tempDir(), local);
    expect(modes.start()).toEqual({ mode: 'choose', server: null });
    expect(await modes.dispatch('setup:status', {}, call())).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(local.opened).toBe(0);
    expect(await modes.dispatch('desktop:openLocal', {}, call())).toEqual({
      ok: true,
      value: { mode: 'local', server: null },
    });
    expect(local.opened).toBe(1);
    expect(await modes.dispatch('setup:status', {}, call())).toMatchObject({ ok: true, value: { hasSchool: true } });
    // A computer with its own journal is not turned into a client behind its back.
    expect(await modes.dispatch('desktop:connect', { address, code }, call())).toMatchObject({ ok: false });
  });

  it('«Подключиться к журналу школы»: a typed address and the code, kept for the next start; no school data in user data; books open here', async () => {
    const userData = tempDir();
    const modes = clientApp(userData);
    modes.start();
    expect(await modes.dispatch('desktop:connect', { address: 'не адрес!', code }, call())).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await modes.dispatch('desktop:connect', { address, code: '0000 0000 0000 0000' }, call())).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: codeMismatch },
    });
    const connected = await modes.dispatch('desktop:connect', { address, code }, call());
    expect(connected).toMatchObject({
      ok: true,
      value: { mode: 'client', server: { address, schoolName: 'Школа № 5', saved: true } },
    });
    const teacherWindow = call();
    expect(await modes.dispatch('auth:login', { login: 'admin', password }, teacherWindow)).toMatchObject({ ok: true });
    expect(await modes.dispatch('auth:me', {}, teacherWindow)).toMatchObject({ ok: true, value: { login: 'admin' } });
    // A book made on the server opens on this computer: fetched into its own print folder, then to its viewer.
    const book = path.join(path.dirname(serverDb), 'zhurnal-print', 'Журнал 5А 2026-2027.pdf');
    fs.mkdirSync(path.dirname(book), { recursive: true });
    fs.writeFileSync(book, '%PDF-1.7\n% a printed book\n%%EOF\n');
    expect(await modes.dispatch('print:open', { file: book, action: 'open' }, teacherWindow)).toEqual({
      ok: true,
      value: { ok: true },
    });
    const copy = path.join(clientPrintDir, path.basename(book));
    expect(viewed).toEqual([copy]);
    expect(fs.readFileSync(copy).equals(fs.readFileSync(book))).toBe(true);
    modes.close();
    expect(fs.readdirSync(userData)).toEqual([savedServerFileName]);

    const again = clientApp(userData);
    expect(again.start()).toMatchObject({ mode: 'client', server: { address, saved: true } });
    expect(await again.dispatch('setup:status', {}, call())).toMatchObject({
      ok: true,
      value: { schoolName: 'Школа № 5' },
    });

    // Another server only with the administrator's password, checked by the server.
    expect(await again.dispatch('desktop:switchServer', { login: 'admin', password: 'wrong' }, call())).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    expect(again.info().mode).toBe('client');
    addAccount(core.db, 'uchitel', 'Петрова', ['teacher']);
    expect(await again.dispatch('desktop:switchServer', { login: 'uchitel', password: 'demo' }, call())).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/только администратор/) },
    });
    expect(again.info().mode).toBe('client');
    expect(await again.dispatch('desktop:switchServer', { login: 'admin', password }, call())).toEqual({
      ok: true,
      value: { mode: 'choose', server: null },
    });
    expect(fs.readdirSync(userData)).toEqual([]);
    again.close();
  });
});
