import type { BackupSchedule } from '../../shared/contract/backup';

export type Schedule = BackupSchedule;
export const defaultSchedule: Schedule = { dailyAt: '18:00', onExit: true, beforeMigration: true };

/** Today's moment of the daily backup. */
function todaysSlot(now: Date, dailyAt: string): Date {
  const [h, m] = dailyAt.split(':').map(Number) as [number, number];
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m, 0, 0);
}

/**
 * The daily backup is due once today's time has passed and no backup was attempted since. A computer that was
 * off at that time backs up as soon as it is on again.
 */
export function isDailyDue(schedule: Schedule, now: Date, lastAttempt: Date | null): boolean {
  if (!schedule.dailyAt) return false;
  const slot = todaysSlot(now, schedule.dailyAt);
  if (now < slot) {
    // Before today's time: still due if yesterday's slot was missed.
    const yesterday = new Date(
      slot.getFullYear(),
      slot.getMonth(),
      slot.getDate() - 1,
      slot.getHours(),
      slot.getMinutes(),
    );
    return lastAttempt === null ? false : lastAttempt < yesterday;
  }
  return lastAttempt === null || lastAttempt < slot;
}

export const staleAfterMs = 2 * 24 * 3600_000;

/** The warning the app shows when the last good backup is older than two days (or there is none). */
export function stalenessWarning(lastGood: Date | null, now: Date): string | null {
  if (lastGood === null) return 'Резервная копия базы ещё ни разу не создавалась';
  const days = Math.floor((now.getTime() - lastGood.getTime()) / (24 * 3600_000));
  return now.getTime() - lastGood.getTime() > staleAfterMs
    ? `Последняя удачная резервная копия сделана ${days} дн. назад`
    : null;
}
