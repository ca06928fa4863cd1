import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../src/shared/contract';
import { desktopChannelNames } from '../../src/shared/desktop';
import { channelsFromArgv } from '../../src/preload/protocol';
import { fakeEvent, FakeWebContents, resetFake, state, type BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow } = await import('../../src/main/window');
const { appLocation } = await import('../../src/main/app-url');
const { contentSecurityPolicy, guardContents, hardenSession, mayLoad } = await import('../../src/main/security');
const { menuTemplate } = await import('../../src/main/menu');
const { session } = await import('electron');

const rendererFile = path.resolve('out/renderer/index.html');
const ownUrl = 'app://zhurnal/index.html';

function openWindow(location = appLocation()): BrowserWindow {
  createMainWindow({ preload: '/app/out/preload/index.cjs', location });
  return state().windows.at(-1)!;
}

describe('the main window', () => {
  beforeEach(() => resetFake());

  it('is isolated and sandboxed, with no Node in the page', () => {
    const window = openWindow();
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(prefs['enableBlinkFeatures']).toBeUndefined();
    expect(window.options['title']).toBe('Журнал');
  });

  it('loads the built renderer from the app’s own origin, or the dev server when one is given', () => {
    expect(openWindow().loadedUrl).toBe(ownUrl);
    const dev = openWindow(appLocation({ devServerUrl: 'http://localhost:5173' }));
    expect(dev.loadedUrl).toBe('http://localhost:5173/');
  });

  it('hands the preload exactly the contract channel names and the desktop app’s own', () => {
    const prefs = openWindow().options['webPreferences'] as { additionalArguments: string[] };
    expect([...channelsFromArgv(prefs.additionalArguments)].sort()).toEqual(
      [...channelNames, ...desktopChannelNames].sort(),
    );
  });

  it('cannot navigate away from the app', () => {
    const contents = openWindow().webContents;
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://localhost:5173/', 'javascript:alert(1)']) {
      const event = fakeEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
      const redirect = fakeEvent(url);
      contents.emit('will-redirect', redirect, url);
      expect(redirect.defaultPrevented, url).toBe(true);
    }
    const inApp = fakeEvent(`${ownUrl}#/journal`);
    contents.emit('will-navigate', inApp, inApp.url);
    expect(inApp.defaultPrevented).toBe(false);
  });

  it('opens no new windows and attaches no webviews', () => {
    const contents = openWindow().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: ownUrl })).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('what counts as the app’s own page', () => {
  it('in production: only app://zhurnal/index.html, whatever its hash; no file:// page, not even the same file', () => {
    const { isOwn } = appLocation();
    expect(isOwn(ownUrl)).toBe(true);
    expect(isOwn(`${ownUrl}?x=1#/login`)).toBe(true);
    expect(isOwn('app://zhurnal/other.html')).toBe(false);
    expect(isOwn('app://evil/index.html')).toBe(false);
    expect(isOwn(pathToFileURL(rendererFile).href)).toBe(false);
    expect(isOwn('http://localhost:5173/')).toBe(false);
    expect(isOwn('not a url')).toBe(false);
  });

  it('in development: the dev server origin only', () => {
    const { isOwn } = appLocation({ devServerUrl: 'http://localhost:5173/' });
    expect(isOwn('http://localhost:5173/journal')).toBe(true);
    expect(isOwn('http://localhost:5174/')).toBe(false);
    expect(isOwn('http://127.0.0.1:5173/')).toBe(false);
    expect(isOwn(ownUrl)).toBe(false);
  });
});

describe('the session', () => {
  beforeEach(() => resetFake());

  it('puts a strict CSP on http(s) responses, replacing any the server sent', () => {
    hardenSession(session.defaultSession as never, { dev: false });
    const { filter, listener } = state().headersListener!;
    expect(filter).toEqual({ urls: ['http://*/*', 'https://*/*'] });
    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    (listener as (d: unknown, cb: (r: typeof answer) => void) => void)(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r) => (answer = r),
    );
    expect(answer?.responseHeaders['Content-Security-Policy']).toEqual([contentSecurityPolicy(false)]);
    expect(answer?.responseHeaders['content-security-policy']).toBeUndefined();
    expect(answer?.responseHeaders['Content-Type']).toEqual(['text/html']);
    expect(contentSecurityPolicy(false)).toMatch(/script-src 'self';/);
    expect(contentSecurityPolicy(false)).not.toMatch(/unsafe-eval|ws:/);
    expect(contentSecurityPolicy(false).match(/script-src[^;]*/)?.[0]).not.toMatch(/unsafe-inline/);
  });

  it('denies every permission request and check', () => {
    hardenSession(session.defaultSession as never, { dev: false });
    const decisions: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      (state().permissionRequest as (...a: unknown[]) => void)({}, permission, (allow: boolean) =>
        decisions.push(allow),
      );
    }
    expect(decisions).toEqual([false, false, false, false]);
    expect((state().permissionCheck as (...a: unknown[]) => boolean)({}, 'media')).toBe(false);
    expect((state().devicePermission as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('loads no remote content: any request off the app is cancelled before it leaves', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (state().requestListener!.listener as (d: unknown, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (cancel = r.cancel),
      );
      return cancel;
    };
    hardenSession(session.defaultSession as never, { dev: false });
    expect(state().requestListener!.filter).toEqual({ urls: ['<all_urls>'] });
    for (const url of [
      'https://example.com/x.js',
      'http://127.0.0.1:8080/api/auth:me',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'ftp://x/',
    ]) {
      expect(decide(url), url).toBe(true);
    }
    for (const url of [ownUrl, 'data:font/ttf;base64,AAAA', 'devtools://devtools/bundled/x.html'])
      expect(decide(url), url).toBe(false);
    // In development, the dev server (its page and hot-reload socket) and nothing else; never once packaged.
    hardenSession(session.defaultSession as never, { dev: true, devServerOrigin: 'http://localhost:5173' });
    expect([
      decide('http://localhost:5173/src/main.tsx'),
      decide('ws://localhost:5173/'),
      decide('http://localhost:5174/'),
    ]).toEqual([false, false, true]);
    expect(mayLoad('http://localhost:5173/', null)).toBe(false);
  });

  it('guards any webContents, not only the main window: no navigation away, no windows, no webviews', () => {
    const contents = new FakeWebContents();
    guardContents(contents as never, appLocation().isOwn);
    const away = fakeEvent('https://example.com/');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const home = fakeEvent(ownUrl);
    contents.emit('will-navigate', home);
    expect(home.defaultPrevented).toBe(false);
    expect(contents.windowOpenHandler?.({ url: ownUrl })).toEqual({ action: 'deny' });
  });
});

describe('the menu', () => {
  it('is Russian, and has reload and developer tools only in development', () => {
    const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
      items.flatMap((item) => [item.label ?? '', ...labels((item.submenu as ReturnType<typeof menuTemplate>) ?? [])]);
    const production = labels(menuTemplate({ dev: false })).filter(Boolean);
    expect(production.every((label) => /^[А-Яа-яЁё ]+$/.test(label))).toBe(true);
    expect(JSON.stringify(menuTemplate({ dev: false }))).not.toMatch(/reload|toggleDevTools/);
    expect(JSON.stringify(menuTemplate({ dev: true }))).toMatch(/toggleDevTools/);
  });
});
