import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { sessions } from '../db/schema';
import { readSetting } from '../school/settings';

const sessionHours = 12;
// Touching last_seen_at on every call would write on every read; once a minute is enough — but never less
// often than a quarter of the idle limit, or a busy session would look idle between two touches.
const touchEveryMs = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const parseLocal = (timestamp: string) => new Date(timestamp.replace(' ', 'T')).getTime();

export type SessionState = { userId: number; locked: boolean; lockedNow: boolean };

/**
 * Sessions in the database, only a hash of each token stored. A session is locked when it was idle longer than
 * the admin's `session.idleLockMinutes` (checked here, on the server's clock, so a client that skips the
 * renderer's timer gains nothing) or when the renderer locked it (its own idle timer, the OS screen lock).
 * A locked session keeps its user: only that user's password reopens it (auth/service.ts).
 */
export function createSessionStore({ db, clock }: { db: Db; clock: Clock }) {
  const where = (token: string) => eq(sessions.tokenHash, hashToken(token));
  const stamp = () => localTimestamp(clock.now());
  // Every call reads its session, so that read is built and prepared once, not on each call.
  const byHash = db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .prepare();
  const find = (token: string) => byHash.get({ hash: hashToken(token) });

  return {
    create(userId: number, client: string): string {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      db.insert(sessions)
        .values({
          tokenHash: hashToken(token),
          userId,
          lastSeenAt: localTimestamp(now),
          expiresAt: localTimestamp(new Date(now.getTime() + sessionHours * 3600_000)),
          client,
        })
        .run();
      return token;
    },

    /**
     * Whose session this is and whether it is locked; null when there is none or it expired. `touch: false` is a
     * look that is not the user's activity (a change stream checking its session): it never defers the idle lock.
     */
    state(token: string | null, touch = true): SessionState | null {
      if (!token) return null;
      const session = find(token);
      if (!session) return null;
      const now = clock.now();
      if (session.expiresAt <= localTimestamp(now)) {
        db.delete(sessions).where(where(token)).run();
        return null;
      }
      if (session.lockedAt !== null) return { userId: session.userId, locked: true, lockedNow: false };
      const idleMs = readSetting(db, 'session.idleLockMinutes') * 60_000;
      const idle = now.getTime() - parseLocal(session.lastSeenAt);
      if (idle > idleMs) {
        db.update(sessions)
          .set({ lockedAt: localTimestamp(now) })
          .where(where(token))
          .run();
        return { userId: session.userId, locked: true, lockedNow: true };
      }
      if (touch && idle > Math.min(touchEveryMs, idleMs / 4))
        db.update(sessions)
          .set({ lastSeenAt: localTimestamp(now) })
          .where(where(token))
          .run();
      return { userId: session.userId, locked: false, lockedNow: false };
    },

    /** Whose live session a token is, touching nothing: the host sizes its limits by it before a call is read. */
    ownerOf(token: string | null): number | null {
      if (!token) return null;
      const session = find(token);
      return session && session.expiresAt > stamp() ? session.userId : null;
    },

    /** Returns false when the session was locked already. */
    lock(token: string): boolean {
      const session = db.select({ lockedAt: sessions.lockedAt }).from(sessions).where(where(token)).get();
      if (!session || session.lockedAt !== null) return false;
      db.update(sessions).set({ lockedAt: stamp() }).where(where(token)).run();
      return true;
    },

    unlock(token: string): void {
      db.update(sessions).set({ lockedAt: null, lastSeenAt: stamp() }).where(where(token)).run();
    },

    end(token: string): void {
      db.delete(sessions).where(where(token)).run();
    },

    /** A disable or a password reset takes effect on every computer left logged in. */
    endAllOf(userId: number): void {
      db.delete(sessions).where(eq(sessions.userId, userId)).run();
    },

    /** A change of password ends the user's other sessions, a stolen one among them; `token`'s stays. */
    endOthersOf(userId: number, token: string | null): void {
      const others = token ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(token))) : undefined;
      db.delete(sessions)
        .where(others ?? eq(sessions.userId, userId))
        .run();
    },

    purgeExpired(): void {
      db.delete(sessions).where(lt(sessions.expiresAt, stamp())).run();
    },
  };
}
