import { BrowserWindow } from 'electron';
import { channelNames } from '../shared/contract';
import { desktopChannelNames } from '../shared/desktop';
import { channelsArgument } from '../preload/protocol';
import type { AppLocation } from './app-url';
import { guardContents } from './security';

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preload: string;
  location: AppLocation;
}

/** The journal's window: sandboxed, isolated, with no way to leave the app's own page. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Журнал',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      additionalArguments: [channelsArgument([...channelNames, ...desktopChannelNames])],
    },
  });
  window.once('ready-to-show', () => window.show());

  // Also wired for every webContents in index.ts; here too, so the window is safe on its own.
  guardContents(window.webContents, options.location.isOwn);

  void window.loadURL(options.location.startUrl);
  return window;
}
