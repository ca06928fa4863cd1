import { and, count, eq, gt, sql } from 'drizzle-orm';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { loginFailures, users } from '../db/schema';
import { readSetting } from '../school/settings';

/**
 * Lockout after wrong passwords, per account AND per source, stored in the database so that neither a
 * restart nor a change of computer resets it.
 *
 * The design: wrong passwords are counted per (account, source), where the source is where the attempt came
 * from — «desktop» for the school computer's own window, «http ADDRESS» for a browser. The threshold-th wrong
 * password in a row from one source locks the account FOR THAT SOURCE only, for the set time: someone
 * hammering from one address cannot lock the teacher out at her own computer. A guess spread over many
 * sources is what that would let through, so when `sourcesToLockAccount` sources are locked at the same time
 * the whole account locks everywhere (users.locked_until) — that is an attack, and the admin sees it. The
 * host's per-address limiter (host/rate-limit.ts) covers the remaining case: one source, many accounts.
 * A success from a source clears that source's count; the admin's unlock clears everything.
 */
export const sourcesToLockAccount = 3;

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

export type Lockout = ReturnType<typeof createLockout>;

export function createLockout({ db, clock }: { db: Db; clock: Clock }) {
  const now = () => localTimestamp(clock.now());
  const policy = (): LockoutPolicy => ({
    threshold: readSetting(db, 'auth.lockoutThreshold'),
    minutes: readSetting(db, 'auth.lockoutMinutes'),
  });
  const live = (until: string | null) => (until !== null && until > now() ? until : null);

  return {
    policy,
    /** Until when this source may not log in to this account (the account-wide lock included), or null. */
    lockedUntil(user: { id: number; lockedUntil: string | null }, source: string): string | null {
      const row = db
        .select({ lockedUntil: loginFailures.lockedUntil })
        .from(loginFailures)
        .where(and(eq(loginFailures.userId, user.id), eq(loginFailures.source, source)))
        .get();
      const account = live(user.lockedUntil);
      const here = live(row?.lockedUntil ?? null);
      if (account === null || here === null) return account ?? here;
      return account > here ? account : here;
    },
    /** The account's live locks, for the admin's list: everywhere (source null) or from one source. */
    locks(user: { id: number; lockedUntil: string | null }): { source: string | null; until: string }[] {
      const account = live(user.lockedUntil);
      const sources = db
        .select({ source: loginFailures.source, until: loginFailures.lockedUntil })
        .from(loginFailures)
        .where(and(eq(loginFailures.userId, user.id), gt(loginFailures.lockedUntil, now())))
        .all() as { source: string; until: string }[];
      return [...(account ? [{ source: null, until: account }] : []), ...sources];
    },
    /** Counts a wrong password from a source; says what it locked. */
    fail(userId: number, source: string): 'none' | 'source' | 'account' {
      const { threshold, minutes } = policy();
      // Incremented in SQL, not from a row read before the slow password check: parallel guesses all count.
      const row = db
        .insert(loginFailures)
        .values({ userId, source, failed: 1 })
        .onConflictDoUpdate({
          target: [loginFailures.userId, loginFailures.source],
          set: { failed: sql`${loginFailures.failed} + 1` },
        })
        .returning({ failed: loginFailures.failed })
        .get();
      db.update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, userId))
        .run();
      if (row.failed < threshold) return 'none';
      const until = localTimestamp(new Date(clock.now().getTime() + minutes * 60_000));
      db.update(loginFailures)
        .set({ failed: 0, lockedUntil: until })
        .where(and(eq(loginFailures.userId, userId), eq(loginFailures.source, source)))
        .run();
      const lockedSources =
        db
          .select({ n: count() })
          .from(loginFailures)
          .where(and(eq(loginFailures.userId, userId), gt(loginFailures.lockedUntil, now())))
          .get()?.n ?? 0;
      if (lockedSources < sourcesToLockAccount) return 'source';
      db.update(users).set({ lockedUntil: until }).where(eq(users.id, userId)).run();
      return 'account';
    },
    /** A right password from a source: its count starts again (other sources keep theirs). */
    succeed(userId: number, source: string): void {
      db.delete(loginFailures)
        .where(and(eq(loginFailures.userId, userId), eq(loginFailures.source, source)))
        .run();
      db.update(users)
        .set({ failedLogins: 0 })
        .where(and(eq(users.id, userId), gt(users.failedLogins, 0)))
        .run();
    },
    /** The admin's unlock: every source and the account. */
    reset(userId: number): void {
      db.delete(loginFailures).where(eq(loginFailures.userId, userId)).run();
      db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)).run();
    },
  };
}
