// Live changes in the desktop app's windows, under Node with real TLS: a client's main reads the school server's
// pinned event stream in the window's session and relays it through the preload, reconnecting after the server
// went away; the school's own computer relays its core's changes to its window.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changesChannel, watchChangesChannel } from '../../src/preload/protocol';
import { contract, channelNames } from '../../src/shared/contract';
import type { LiveMessage } from '../../src/shared/live';
import { directCaller, testCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { BrowserWindow, ipcRenderer, resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpc } = await import('../../src/main/ipc');
const { appLocation } = await import('../../src/main/app-url');
const { createApi } = await import('../../src/preload/bridge');
const { createSchoolServer } = await import('../../src/main/network/server');
const { pairWithServer } = await import('../../src/main/network/pairing');
const { remoteTransport } = await import('../../src/main/network/transport');
const { remoteChangeSource } = await import('../../src/main/network/remote-changes');
const { localChangeSource } = await import('../../src/main/live/local');

const dbFile = path.join(tempDir(), 'school.db');
const core = testCore({ dbFile });
const password = 'Tsq9-lantern-orbit-4471';
const rendererDir = tempDir();
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Журнал</title>');
const location = appLocation();
// Another computer's admin, saving while the window watches.
const other = directCaller(core);
let made = 0;
const saveElsewhere = () =>
  other.value(contract.users.create, {
    login: `teacher${++made}`,
    lastName: 'Петрова',
    firstName: 'Анна',
    roles: ['teacher'],
  });

const startServer = (port = 0) =>
  createSchoolServer({
    dispatch: core.dispatch,
    schoolNetwork: () => true,
    dbFile,
    port,
    lock: core.lock,
    rendererDir,
    live: core.live,
  });

/** One desktop window: its page's window.api over the fake IPC, and what it heard from main. */
function openWindow() {
  resetFake();
  state().rendererUrl = 'app://zhurnal/index.html';
  const contents = new BrowserWindow({}).webContents;
  // What main sends this page reaches the page's listeners, as Electron delivers it to the preload.
  const keep = contents.send.bind(contents);
  contents.send = (channel, payload) => {
    keep(channel, payload);
    state().rendererEvents.emit(channel, {}, payload);
  };
  const api = createApi(ipcRenderer as unknown as Parameters<typeof createApi>[0], new Set(channelNames));
  const heard: LiveMessage[] = [];
  const listen = () => api.onChanges((message) => heard.push(message));
  const sentToPage = () => state().windows[0]!.webContents.sent.filter(([c]) => c === changesChannel).length;
  return { api, heard, listen, sentToPage };
}

const changes = (heard: LiveMessage[]) => heard.filter((m) => m.type === 'change').length;

beforeAll(async () => {
  await directCaller(core).value(contract.setup.createSchool, {
    schoolName: 'Школа № 5',
    admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
  });
  await other.value(contract.auth.login, { login: 'admin', password });
});

describe('a desktop client’s window', () => {
  let server = startServer();
  afterAll(() => server.stop());

  it('hears other computers’ saves over the pinned stream, and after the server was gone asks for everything again', async () => {
    const served = await server.sync();
    const port = served.port!;
    const paired = await pairWithServer({ host: '127.0.0.1', port }, served.certificate!.code);
    if (!paired.ok) throw new Error(paired.error.message);
    const transport = remoteTransport(paired.value);
    const source = remoteChangeSource(transport);
    const page = openWindow();
    const unregister = registerIpc({
      dispatch: transport.dispatch,
      isOwnUrl: location.isOwn,
      changes: () => source,
      changeTiming: { firstRetryMs: 20, longestRetryMs: 100 },
    });
    try {
      // Listening before the login opens nothing: there is no session to read with.
      const early = page.listen();
      expect(await page.api.invoke('auth:login', { login: 'admin', password })).toMatchObject({ ok: true });
      await expect.poll(() => page.heard, { timeout: 5000 }).toEqual([{ type: 'open' }]);
      await saveElsewhere();
      await expect.poll(() => changes(page.heard)).toBe(1);
      expect(page.heard[1]).toEqual({ type: 'change', event: { domain: 'users' } });
      // The window's own saves are on its screen already: not sent back.
      await page.api.invoke('users:create', {
        login: 'own1',
        lastName: 'Сидоров',
        firstName: 'Иван',
        roles: ['teacher'],
      });
      await saveElsewhere();
      await expect.poll(() => changes(page.heard)).toBe(2);

      // The server goes away: the page is told the stream is lost, then that no server answers (the banner).
      await server.stop();
      await expect.poll(() => page.heard.slice(3)).toEqual([{ type: 'lost' }, { type: 'lost', unreachable: true }]);
      // Back on the same address: the stream opens again by itself, and the next save arrives.
      server = startServer(port);
      expect((await server.sync()).port).toBe(port);
      await expect.poll(() => page.heard.slice(5)).toEqual([{ type: 'open' }]);
      await saveElsewhere();
      await expect.poll(() => changes(page.heard)).toBe(3);

      // Logged out: the stream closes and nothing more is sent to the page.
      await page.api.invoke('auth:logout', {});
      const before = page.sentToPage();
      await saveElsewhere();
      await page.api.invoke('setup:status', {});
      expect(page.sentToPage()).toBe(before);
      early();
      expect(state().mainEvents.listenerCount(watchChangesChannel)).toBe(1);
    } finally {
      unregister();
      transport.close();
    }
    expect(state().mainEvents.listenerCount(watchChangesChannel)).toBe(0);
  });
});

describe('the window of the school’s own computer', () => {
  it('hears the saves of the network’s computers from its core, and the end of its session when it locks', async () => {
    const page = openWindow();
    const unregister = registerIpc({
      dispatch: core.dispatch,
      isOwnUrl: location.isOwn,
      changes: () => localChangeSource(core.live),
    });
    try {
      expect(await page.api.invoke('auth:login', { login: 'admin', password })).toMatchObject({ ok: true });
      // A page from anywhere but the app (a link that navigated the window) is not given a stream.
      const foreign = {
        sender: state().windows[0]!.webContents,
        senderFrame: { url: 'https://evil.example/', parent: null },
      };
      state().mainEvents.emit(watchChangesChannel, foreign, true);
      expect(page.sentToPage()).toBe(0);
      const stop = page.listen();
      expect(page.heard).toEqual([{ type: 'open' }]);
      await saveElsewhere();
      expect(page.heard).toEqual([{ type: 'open' }, { type: 'change', event: { domain: 'users' } }]);
      await page.api.invoke('users:create', {
        login: 'own2',
        lastName: 'Сидоров',
        firstName: 'Иван',
        roles: ['teacher'],
      });
      expect(changes(page.heard)).toBe(1);
      // Locked (the idle lock, the OS lock): the page is told the session ended, and hears nothing more.
      expect(await page.api.invoke('auth:lock', { cause: 'manual' })).toMatchObject({ ok: true });
      expect(page.heard.at(-1)).toEqual({ type: 'end' });
      await saveElsewhere();
      expect(changes(page.heard)).toBe(1);
      stop();
      // A page that stopped listening hears nothing, though logged in again.
      await page.api.invoke('auth:unlock', { password });
      await saveElsewhere();
      expect(changes(page.heard)).toBe(1);
    } finally {
      unregister();
    }
  });
});
