import { BrowserWindow } from 'electron';
import { channelNames } from '../shared/contract';
import { channelsArgument } from '../preload/protocol';
import type { AppLocation } from './app-url';

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
      webviewTag: false,
      spellcheck: false,
      additionalArguments: [channelsArgument(channelNames)],
    },
  });
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  const { isOwn } = options.location;
  contents.on('will-navigate', (event) => {
    if (!isOwn(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwn(event.url)) event.preventDefault();
  });
  // No second window and no link opening a browser from inside the journal: nothing in it needs one.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  void window.loadURL(options.location.startUrl);
  return window;
}
