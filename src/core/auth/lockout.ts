import { eq, sql } from 'drizzle-orm';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { users } from '../db/schema';

/**
 * Per-user lockout after wrong passwords, stored in the database so that neither a restart nor a change
 * of computer resets it (the host's per-address limiter covers the other side: one source, many logins).
 */
export const maxFailedLogins = 5;
export const lockMinutes = 15;

export function createLockout({ db, clock }: { db: Db; clock: Clock }) {
  const now = () => localTimestamp(clock.now());
  return {
    /** The local timestamp the account stays locked until, or null. */
    lockedUntil(user: { lockedUntil: string | null }): string | null {
      return user.lockedUntil !== null && user.lockedUntil > now() ? user.lockedUntil : null;
    },
    /** Counts a wrong password; returns true when this one locked the account. */
    fail(userId: number): boolean {
      // Incremented in SQL, not from the row read before the slow password check: parallel guesses all count.
      const row = db
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, userId))
        .returning({ failed: users.failedLogins })
        .get();
      if (!row || row.failed < maxFailedLogins) return false;
      const until = localTimestamp(new Date(clock.now().getTime() + lockMinutes * 60_000));
      db.update(users).set({ failedLogins: 0, lockedUntil: until }).where(eq(users.id, userId)).run();
      return true;
    },
    reset(userId: number): void {
      db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
    },
  };
}
