import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, protocol, session, type BrowserWindow } from 'electron';
import type { Core } from '../core/app';
import { aboutText } from './about';
import { appSchemePrivileges, serveAppFiles } from './app-protocol';
import { appLocation } from './app-url';
import { wireBackups } from './backups';
import { databaseFile, openLocalCore, printFolder } from './database';
import { desktopFiles } from './pdf-files';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { browseSchools } from '../host/discovery/browse';
import { createDesktopModes } from './network/desktop-modes';
import { createSchoolServer, type SchoolServer, withNetworkSwitch } from './network/server';
import { connectInsteadOrQuit } from './owner-connect';
import { openFailureDialog } from './open-failure';
import { watchScreenLock } from './screen-lock';
import { contentSecurityPolicy, guardContents, hardenSession } from './security';
import { claimSingleInstance } from './single-instance';
import { keepServingOnClose } from './tray';
import { applyUserDataFolder } from './user-data';
import { createMainWindow } from './window';

// Wiring only: each piece lives in its own file. __dirname is out/main once built.
let mainWindow: BrowserWindow | null = null;

applyUserDataFolder();
// Native date and time fields take their format from Chromium's UI language, not the page's lang: without this a
// school computer with an English Windows shows 11/24/2026 and 08:30 AM instead of 24.11.2026 and 08:30.
app.commandLine.appendSwitch('lang', 'ru');
// Every renderer sandboxed, whatever its webPreferences say; must be called before the app is ready.
app.enableSandbox();
// The app's own origin (app-protocol.ts) must be known as standard and secure before the app is ready.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

/** This computer's journal: backups, and the school's server when «Школьная сеть» is on. */
function wireLocal(core: Core, school: SchoolServer): void {
  app.on('will-quit', () => {
    void school.stop();
    core.close();
  });
  wireBackups(core);
  void school.sync().catch((error: unknown) => console.error('[network]', error));
}

async function start(): Promise<void> {
  await app.whenReady();
  const dev = !app.isPackaged;
  const location = appLocation({ devServerUrl: dev ? process.env['ELECTRON_RENDERER_URL'] : undefined });
  serveAppFiles(protocol, path.join(__dirname, '../renderer'), contentSecurityPolicy(false));
  hardenSession(session.defaultSession, { dev, devServerOrigin: location.devOrigin });
  app.on('web-contents-created', (_event, contents) => guardContents(contents, location.isOwn));

  let school: SchoolServer | null = null;
  const modes = createDesktopModes({
    userData: app.getPath('userData'),
    hasLocalJournal: () => fs.existsSync(databaseFile()),
    openLocal: () => openLocalCore({ served: () => school!.served() }),
    onLocal: (core) => {
      school = createSchoolServer({
        dispatch: core.dispatch,
        schoolNetwork: () => core.services.network.schoolNetwork(),
        dbFile: databaseFile(),
        rendererDir: path.join(__dirname, '../renderer'),
        lock: core.lock,
        schoolName: () => core.services.school.displayName(),
        live: core.live,
      });
      wireLocal(core, school);
      return withNetworkSwitch(core.dispatch, school);
    },
    findSchools: () => browseSchools({ timeoutMs: 2500 }),
    localFiles: { files: desktopFiles(), dir: printFolder },
    describeFailure: (error) => openFailureDialog(error, databaseFile()).content,
  });
  try {
    modes.start();
  } catch (error) {
    if (!(await connectInsteadOrQuit(error, databaseFile(), modes))) return;
  }
  app.on('will-quit', () => modes.close());

  registerIpc({ dispatch: modes.dispatch, isOwnUrl: location.isOwn, changes: modes.changes });
  installMenu({
    dev,
    about: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: 'О программе',
        message: aboutText(app.getVersion(), modes.info()),
      }),
  });
  const openWindow = () => {
    if (mainWindow) {
      mainWindow.show();
      mainWindow.focus();
      return;
    }
    mainWindow = createMainWindow({ preload: path.join(__dirname, '../preload/index.cjs'), location });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();
  keepServingOnClose({
    serving: () => school?.served().listening ?? false,
    connected: () => school?.served().clients.length ?? 0,
    openWindow,
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
