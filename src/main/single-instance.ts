import { app, type BrowserWindow } from 'electron';

/**
 * One Журнал per user: a second copy would open the same database and show a second, stale window.
 * Returns false when another instance runs; this one is then quitting and must not start anything.
 */
export function claimSingleInstance(currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
