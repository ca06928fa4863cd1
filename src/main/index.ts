import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { appLocation } from './app-url';
import { wireBackups } from './backups';
import { openCore } from './database';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { watchScreenLock } from './screen-lock';
import { guardContents, hardenSession } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow } from './window';

// Wiring only: each piece lives in its own file. __dirname is out/main once built.
let mainWindow: BrowserWindow | null = null;

// Native date and time fields take their format from Chromium's UI language, not the page's lang: without this a
// school computer with an English Windows shows 11/24/2026 and 08:30 AM instead of 24.11.2026 and 08:30.
app.commandLine.appendSwitch('lang', 'ru');
// Every renderer sandboxed, whatever its webPreferences say; must be called before the app is ready.
app.enableSandbox();

async function start(): Promise<void> {
  await app.whenReady();
  const dev = !app.isPackaged;
  const location = appLocation({
    devServerUrl: dev ? process.env['ELECTRON_RENDERER_URL'] : undefined,
    rendererFile: path.join(__dirname, '../renderer/index.html'),
  });
  hardenSession(session.defaultSession, { dev, devServerOrigin: location.devOrigin });
  app.on('web-contents-created', (_event, contents) => guardContents(contents, location.isOwn));
  const core = openCore();
  if (!core) return;
  app.on('will-quit', () => core.close());
  wireBackups(core);

  registerIpc({ dispatch: core.dispatch, isOwnUrl: location.isOwn });
  installMenu({ dev });
  mainWindow = createMainWindow({ preload: path.join(__dirname, '../preload/index.cjs'), location });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  watchScreenLock(() => (mainWindow ? [mainWindow] : []));
}

function failedToStart(error: unknown): void {
  console.error(error);
  dialog.showErrorBox(
    'Журнал не запустился',
    `Внутренняя ошибка программы: ${error instanceof Error ? error.message : String(error)}`,
  );
  app.quit();
}

/** Settles when the app has started (or decided not to); exported for the wiring tests. */
export const started: Promise<void> = claimSingleInstance(() => mainWindow)
  ? start().catch(failedToStart)
  : Promise.resolve();

app.on('window-all-closed', () => app.quit());
