import type { Core } from '../app';

export interface ScheduleOptions {
  core: Pick<Core, 'services'>;
  /** How often to look whether the daily backup is due. */
  everyMs?: number;
  logError(error: unknown): void;
  setInterval?: typeof setInterval;
  clearInterval?: typeof clearInterval;
}

/**
 * The daily backup: checked once a minute, so a computer that was off at the set time backs up when it is on
 * again. Returns the function that stops it.
 */
export function startDailyBackups(options: ScheduleOptions): () => void {
  const set = options.setInterval ?? setInterval;
  const clear = options.clearInterval ?? clearInterval;
  const tick = () => {
    try {
      const backup = options.core.services.backup;
      if (backup.isBusy() || backup.config.destinations().length === 0 || !backup.isDailyDue()) return;
      backup.start('daily');
    } catch (error) {
      // A backup already running or a restore swapping the file: the next tick looks again.
      options.logError(error);
    }
  };
  const timer = set(tick, options.everyMs ?? 60_000);
  return () => clear(timer);
}

/**
 * On exit, when the admin asked for it: quitting waits for one backup to every destination, then goes on.
 * `quit` is called once the backup has ended, whatever its outcome.
 */
export function backupOnExit(core: Pick<Core, 'services'>, quit: () => void, logError: (e: unknown) => void): boolean {
  let backup;
  try {
    backup = core.services.backup;
    if (!backup.config.schedule().onExit || backup.config.destinations().length === 0) return false;
  } catch {
    return false;
  }
  void backup.backup('exit').catch(logError).finally(quit);
  return true;
}
