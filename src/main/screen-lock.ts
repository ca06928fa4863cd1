import { powerMonitor, type BrowserWindow } from 'electron';
import { screenLockChannel } from '../preload/protocol';

/**
 * When the OS locks the screen (Win+L, the lid, the screensaver's lock) or the computer sleeps, each window is
 * told to lock the journal's session: the page calls `auth:lock`, the core locks the session and the page drops
 * what it showed. Main stays a messenger; the session's state lives in the core.
 */
export function watchScreenLock(windows: () => readonly BrowserWindow[]): () => void {
  const tell = () => {
    for (const window of windows()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(screenLockChannel);
    }
  };
  powerMonitor.on('lock-screen', tell);
  powerMonitor.on('suspend', tell);
  return () => {
    powerMonitor.removeListener('lock-screen', tell);
    powerMonitor.removeListener('suspend', tell);
  };
}
