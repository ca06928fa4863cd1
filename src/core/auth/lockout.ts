import { and, eq, gt, sql } from 'drizzle-orm';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { loginFailures, users } from '../db/schema';
import { readSetting } from '../school/settings';
import { isLocalSource } from './source';

/**
 * Lockout after wrong passwords, per account AND per source, stored in the database so that neither a
 * restart nor a change of computer resets it.
 *
 * Wrong passwords are counted per (account, source), where the source is where the attempt came from —
 * «desktop» for the school computer's own window, «https ADDRESS» for another computer. The threshold-th wrong
 * password in a row from one source locks the account FOR THAT SOURCE only, for the set time: someone
 * hammering from one address cannot lock the teacher out at her own computer. A guess spread over many
 * sources is what that would let through, so when `sourcesToLockAccount` network sources are locked at the
 * same time the account locks for the whole network (users.locked_until) — but never on the school's own
 * computer, so that pupils in a lab cannot lock the admin out of the computer she unlocks them from.
 * An attempt is counted before its password is checked (`attempt`), so a check cut short still counts.
 * A success from a source clears that source's count; the admin's unlock clears everything.
 *
 * A login no account has is counted the same way in memory, so that it locks and answers like a real one:
 * «заблокирован» must not tell which logins exist.
 */
export const sourcesToLockAccount = 3;

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

/** A real account, or a login that names none. */
export type Subject = { id: number; lockedUntil: string | null } | { unknown: string };

export type Lockout = ReturnType<typeof createLockout>;

// Unknown logins kept in memory at most: a guesser inventing names costs a bounded map.
const maxUnknown = 10_000;

export function createLockout({ db, clock }: { db: Db; clock: Clock }) {
  const now = () => localTimestamp(clock.now());
  const policy = (): LockoutPolicy => ({
    threshold: readSetting(db, 'auth.lockoutThreshold'),
    minutes: readSetting(db, 'auth.lockoutMinutes'),
  });
  const live = (until: string | null) => (until !== null && until > now() ? until : null);
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  const lockEnd = () => localTimestamp(new Date(clock.now().getTime() + policy().minutes * 60_000));
  const unknown = new Map<string, { failed: number; lockedUntil: string | null }>();
  const unknownKey = (login: string, source: string) => `${login}\n${source}`;
  const row = (userId: number, source: string) =>
    db
      .select()
      .from(loginFailures)
      .where(and(eq(loginFailures.userId, userId), eq(loginFailures.source, source)))
      .get();

  return {
    policy,
    /** Until when this source may not try this account (the network-wide lock included), or null. */
    lockedUntil(subject: Subject, source: string): string | null {
      if ('unknown' in subject) return live(unknown.get(unknownKey(subject.unknown, source))?.lockedUntil ?? null);
      const here = live(row(subject.id, source)?.lockedUntil ?? null);
      return isLocalSource(source) ? here : later(here, live(subject.lockedUntil));
    },
    /** The account's live locks, for the admin's list: the whole network (source null) or one source. */
    locks(user: { id: number; lockedUntil: string | null }): { source: string | null; until: string }[] {
      const account = live(user.lockedUntil);
      const sources = db
        .select({ source: loginFailures.source, until: loginFailures.lockedUntil })
        .from(loginFailures)
        .where(and(eq(loginFailures.userId, user.id), gt(loginFailures.lockedUntil, now())))
        .all() as { source: string; until: string }[];
      return [...(account ? [{ source: null, until: account }] : []), ...sources];
    },
    /** Counts an attempt before its password is checked: a right password then clears it (`succeed`). */
    attempt(subject: Subject, source: string): void {
      if ('unknown' in subject) {
        const key = unknownKey(subject.unknown, source);
        const entry = unknown.get(key) ?? { failed: 0, lockedUntil: null };
        entry.failed += 1;
        unknown.delete(key);
        unknown.set(key, entry);
        if (unknown.size > maxUnknown) unknown.delete(unknown.keys().next().value!);
        return;
      }
      // Incremented in SQL, not from a row read before: attempts of other processes count too.
      db.insert(loginFailures)
        .values({ userId: subject.id, source, failed: 1 })
        .onConflictDoUpdate({
          target: [loginFailures.userId, loginFailures.source],
          set: { failed: sql`${loginFailures.failed} + 1` },
        })
        .run();
      db.update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, subject.id))
        .run();
    },
    /** The counted attempt was a wrong password: says what that locked. */
    wrong(subject: Subject, source: string): 'none' | 'source' | 'account' {
      const { threshold } = policy();
      if ('unknown' in subject) {
        const entry = unknown.get(unknownKey(subject.unknown, source));
        if (!entry || entry.failed < threshold) return 'none';
        Object.assign(entry, { failed: 0, lockedUntil: lockEnd() });
        return 'source';
      }
      if ((row(subject.id, source)?.failed ?? 0) < threshold) return 'none';
      const until = lockEnd();
      db.update(loginFailures)
        .set({ failed: 0, lockedUntil: until })
        .where(and(eq(loginFailures.userId, subject.id), eq(loginFailures.source, source)))
        .run();
      if (isLocalSource(source)) return 'source';
      const lockedSources = db
        .select({ source: loginFailures.source })
        .from(loginFailures)
        .where(and(eq(loginFailures.userId, subject.id), gt(loginFailures.lockedUntil, now())))
        .all()
        .filter((r) => !isLocalSource(r.source)).length;
      if (lockedSources < sourcesToLockAccount) return 'source';
      db.update(users).set({ lockedUntil: until }).where(eq(users.id, subject.id)).run();
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
