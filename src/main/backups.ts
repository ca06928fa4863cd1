import { app } from 'electron';
import type { Core } from '../core/app';
import { backupOnExit, startDailyBackups } from '../core/backup/scheduler';

/**
 * The scheduled backups of the desktop app: daily at the admin's time, and once more on exit. Quitting is
 * held back (before-quit prevented) until the exit backup has been written everywhere or has failed.
 */
export function wireBackups(core: Core, options: { everyMs?: number } = {}): void {
  const logError = (error: unknown) => console.error('[backup]', error);
  const stopDaily = startDailyBackups({ core, everyMs: options.everyMs, logError });
  let exiting = false;
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (exiting) return;
    exiting = true;
    stopDaily();
    if (backupOnExit(core, () => app.quit(), logError)) event.preventDefault();
  });
}
