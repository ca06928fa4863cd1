import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZhurnalApi } from '../../src/preload/api';
import { invokeChannel, screenLockChannel } from '../../src/preload/protocol';
import { FakeWebContents, resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/** Runs src/main/index.ts from the top, as Electron would, against the fake. */
async function startMain(): Promise<void> {
  vi.resetModules();
  const main = await import('../../src/main/index');
  await main.started;
}

const withResources = process as NodeJS.Process & { resourcesPath?: string };

// Made and removed here: the helper's tempDir() registers afterAll, which a beforeEach cannot do.
const folders: string[] = [];
function userDataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-main-'));
  folders.push(dir);
  return dir;
}

describe('starting the app (src/main/index.ts)', () => {
  beforeEach(() => {
    resetFake();
    state().paths['userData'] = userDataFolder();
  });
  // Closes the database, as quitting does, so the temporary folder can go.
  afterEach(() => {
    state().appEvents.emit('will-quit');
    delete process.env['ELECTRON_RENDERER_URL'];
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second instance quits without opening the database or a window', async () => {
    state().singleInstanceLock = false;
    await startMain();
    expect(state().quits).toBe(1);
    expect(state().windows).toHaveLength(0);
    expect(state().handlers.size).toBe(0);
    expect(fs.readdirSync(state().paths['userData']!)).toEqual([]);
  });

  it('ZHURNAL_USER_DATA moves the journal to the given folder before anything is opened there', async () => {
    const elsewhere = userDataFolder();
    process.env['ZHURNAL_USER_DATA'] = elsewhere;
    try {
      await startMain();
    } finally {
      delete process.env['ZHURNAL_USER_DATA'];
    }
    expect(state().paths['userData']).toBe(elsewhere);
    expect(state().windows).toHaveLength(1);
  });

  it('wires database, IPC, session, menu and window, and a page call goes preload → main → core', async () => {
    await startMain();
    expect(state().windows).toHaveLength(1);
    expect(state().handlers.has(invokeChannel)).toBe(true);
    expect(state().headersListener).not.toBeNull();
    expect(state().permissionRequest).not.toBeNull();
    expect(state().requestListener).not.toBeNull();
    expect(state().sandboxEnabled).toBe(true);
    // Every webContents created later (devtools, a window a bug opens) is guarded too.
    const later = new FakeWebContents();
    state().appEvents.emit('web-contents-created', {}, later);
    expect(later.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(state().menu).toBeDefined();
    // Russian date fields (24.11.2026) whatever the language of the school computer's Windows.
    expect(state().switches.get('lang')).toBe('ru');
    const window = state().windows[0]!;
    expect(window.loadedUrl).toBe('app://zhurnal/index.html');
    // The app's own origin: registered before ready as standard and secure, serving the renderer's folder with
    // the strict CSP as a header, and nothing outside it.
    expect(state().privilegedSchemes).toContainEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true }),
    });
    const serve = state().protocolHandlers.get('app')!;
    const page = await serve(new Request('app://zhurnal/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self';/);
    expect(await page.text()).toMatch(/<div id="root">/);
    for (const outside of [
      'app://zhurnal/%2e%2e/%2e%2e/package.json',
      'app://zhurnal/..%2f..%2fpackage.json',
      'app://other/index.html',
    ]) {
      expect((await serve(new Request(outside))).status, outside).toBe(404);
    }
    expect((window.options['webPreferences'] as { preload: string }).preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);

    // The page, as the fake renderer: the preload gets main's argv, its calls come from the window's URL.
    state().rendererUrl = window.loadedUrl!;
    const argv = (window.options['webPreferences'] as { additionalArguments: string[] }).additionalArguments;
    process.argv.push(...argv);
    await import('../../src/preload/index');
    process.argv.splice(-argv.length);
    const api = state().exposed[0]!.api as ZhurnalApi;
    // The first start opens nothing until the person chooses: this computer's journal, the demo, or a server.
    expect(await api.invoke('desktop:mode', {})).toEqual({ ok: true, value: { mode: 'choose', server: null } });
    expect(await api.invoke('setup:status', {})).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(fs.existsSync(path.join(state().paths['userData']!, 'zhurnal.db'))).toBe(false);
    expect(await api.invoke('desktop:openLocal', {})).toEqual({ ok: true, value: { mode: 'local', server: null } });
    expect(await api.invoke('setup:status', {})).toEqual({
      ok: true,
      value: { hasSchool: false, schoolName: null, isDemo: false },
    });
    expect(fs.existsSync(path.join(state().paths['userData']!, 'zhurnal.db'))).toBe(true);

    // The OS locking the screen reaches the page through the preload.
    let heard = 0;
    api.onScreenLock(() => heard++);
    state().powerEvents.emit('lock-screen');
    expect(window.webContents.sent).toContainEqual([screenLockChannel, undefined]);
    state().rendererEvents.emit(screenLockChannel, {});
    expect(heard).toBe(1);
  });

  it('on a second start the existing window is brought back', async () => {
    await startMain();
    const window = state().windows[0]!;
    window.minimized = true;
    state().appEvents.emit('second-instance', {}, ['zhurnal'], process.cwd());
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('loads the dev server in development, and ignores ELECTRON_RENDERER_URL once packaged', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    await startMain();
    expect(state().windows[0]!.loadedUrl).toBe('http://localhost:5173/');
    state().appEvents.emit('will-quit');

    resetFake();
    state().paths['userData'] = userDataFolder();
    state().isPackaged = true;
    const saved = withResources.resourcesPath;
    withResources.resourcesPath = process.cwd(); // its migrations/ folder stands in for the packaged one
    try {
      await startMain();
    } finally {
      withResources.resourcesPath = saved;
    }
    expect(state().windows[0]!.loadedUrl).toBe('app://zhurnal/index.html');
  });
});
