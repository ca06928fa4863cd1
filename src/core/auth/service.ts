import os from 'node:os';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { fullName, shortName } from '../../shared/names';
import type { Role } from '../../shared/roles';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { userRoles, users } from '../db/schema';
import { readSetting } from '../school/settings';
import { createFairQueue } from './fair-queue';
import { createLockout } from './lockout';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy } from './policy';
import { createSessionStore } from './sessions';

export type AuthService = ReturnType<typeof createAuthService>;

const wrongPassword = 'Неверный логин или пароль';

export function createAuthService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const lockout = createLockout({ db, clock });
  const store = createSessionStore({ db, clock });
  // A burst of guesses from one computer waits its turns; logins from elsewhere are not held up behind it.
  const checks = createFairQueue({ concurrency: Math.max(1, os.availableParallelism()), perSource: 16 });
  const passwordMatches = (client: string, password: string, hash: string) =>
    checks.run(client, () => verifyPassword(password, hash));

  function loadActor(userId: number): Actor | null {
    const user = db.select().from(users).where(eq(users.id, userId)).get();
    if (!user || !user.isActive) return null;
    const roleRows = db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all();
    return {
      userId: user.id,
      login: user.login,
      roles: roleRows.map((r) => r.role as Role),
      fullName: fullName(user),
      shortName: shortName(user),
      mustChangePassword: user.mustChangePassword,
    };
  }

  const lockedMessage = (until: string) =>
    `Вход заблокирован до ${until.slice(11, 16)} после ${lockout.policy().threshold} неверных паролей подряд. Обратитесь к администратору.`;

  /**
   * One wrong password from a source: counted toward the lockout of this account from this source, and
   * audited; `attempt` names what it was (a login, or unlocking a locked session).
   */
  function countFailure(
    user: typeof users.$inferSelect | undefined,
    login: string,
    client: string,
    attempt: 'login' | 'unlock',
  ): 'none' | 'source' | 'account' {
    const outcome = user !== undefined && user.isActive ? lockout.fail(user.id, client) : 'none';
    const reason = outcome === 'none' ? 'wrong_password' : outcome === 'source' ? 'locked_now' : 'account_locked_now';
    const action = attempt === 'login' ? 'auth.login_failed' : 'auth.unlock_failed';
    audit.record({
      userId: user?.id ?? null,
      action,
      entity: 'user',
      entityId: user?.id ?? login,
      newValue: { client, login },
      reason,
    });
    return outcome;
  }

  return {
    loadActor,

    async login(login: string, password: string, client: string): Promise<{ token: string; actor: Actor }> {
      const user = db.select().from(users).where(eq(users.login, login.toLowerCase())).get();
      // A locked account is refused before the password is even checked: guessing on gains nothing.
      const lockedUntil = user ? lockout.lockedUntil(user, client) : null;
      if (lockedUntil) {
        audit.record({
          userId: user?.id ?? null,
          action: 'auth.login_failed',
          entity: 'user',
          entityId: user?.id ?? login,
          newValue: { client, login },
          reason: 'locked',
        });
        throw new AppError('locked', lockedMessage(lockedUntil));
      }
      // The same answer for an unknown login and a wrong password: logins are not to be guessed one by one.
      const ok = user !== undefined && user.isActive && (await passwordMatches(client, password, user.passwordHash));
      if (!user || !ok) {
        countFailure(user, login, client, 'login');
        throw new AppError('unauthorized', wrongPassword);
      }
      lockout.succeed(user.id, client);
      const actor = loadActor(user.id);
      if (!actor) throw new AppError('unauthorized', wrongPassword);
      const token = store.create(user.id, client);
      audit.record({ userId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, newValue: { client } });
      return { token, actor };
    },

    /** The first thing a user with a one-time password does; also any later change of one's own password. */
    async changePassword(actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
      const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
      if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
        throw new AppError('validation', 'Текущий пароль введён неверно');
      }
      checkPasswordPolicy(newPassword, user.login);
      if (newPassword === oldPassword) throw new AppError('validation', 'Новый пароль должен отличаться от прежнего');
      const passwordHash = await hashPassword(newPassword);
      db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id)).run();
      audit.record({ userId: user.id, action: 'auth.password_changed', entity: 'user', entityId: user.id });
    },

    /**
     * The actor of a session token, or null when there is none, it expired, or the user was disabled. A locked
     * session still names its actor (the lock screen shows whose it is), flagged `sessionLocked`: the
     * dispatcher lets such an actor call nothing but unlocking and logging out. `touch: false`: not the user's
     * activity (see sessions.ts).
     */
    resolve(token: string | null, touch = true): Actor | null {
      const state = store.state(token, touch);
      if (!state) return null;
      const actor = loadActor(state.userId);
      if (!actor) return null;
      if (state.lockedNow)
        audit.record({
          userId: actor.userId,
          action: 'auth.session_locked',
          entity: 'user',
          entityId: actor.userId,
          newValue: { cause: 'idle' },
        });
      return state.locked ? { ...actor, sessionLocked: true } : actor;
    },

    /** The renderer's idle timer or the OS screen lock: the session waits for its user's password. */
    lock(actor: Actor, token: string | null, cause: 'idle' | 'screen' | 'manual'): void {
      if (token && store.lock(token)) {
        audit.record({
          userId: actor.userId,
          action: 'auth.session_locked',
          entity: 'user',
          entityId: actor.userId,
          newValue: { cause },
        });
      }
    },

    /**
     * Reopens a locked session with the password of the user it belongs to — never another's: who wants to work
     * as someone else uses «Сменить пользователя». A wrong password counts toward the lockout like a failed
     * login from the same source; when that locks the account, the session ends.
     */
    async unlock(actor: Actor, token: string | null, password: string, client: string): Promise<void> {
      if (!token) throw new AppError('unauthorized', 'Сеанс завершён: войдите в систему снова');
      const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
      const lockedUntil = user ? lockout.lockedUntil(user, client) : null;
      if (!user || lockedUntil) {
        store.end(token);
        throw new AppError(
          'unauthorized',
          lockedUntil ? lockedMessage(lockedUntil) : 'Сеанс завершён: войдите в систему снова',
        );
      }
      if (!(await passwordMatches(client, password, user.passwordHash))) {
        if (countFailure(user, user.login, client, 'unlock') !== 'none') {
          store.end(token);
          throw new AppError('unauthorized', lockedMessage(lockout.lockedUntil(user, client) ?? ''));
        }
        throw new AppError(
          'validation',
          `Неверный пароль. Разблокировать сеанс может только ${actor.shortName}; другой пользователь нажимает «Сменить пользователя».`,
        );
      }
      lockout.succeed(user.id, client);
      store.unlock(token);
      audit.record({
        userId: user.id,
        action: 'auth.session_unlocked',
        entity: 'user',
        entityId: user.id,
        newValue: { client },
      });
    },

    logout(actor: Actor, token: string | null): void {
      if (token) store.end(token);
      audit.record({ userId: actor.userId, action: 'auth.logout', entity: 'user', entityId: actor.userId });
    },

    /** How long the renderer waits before locking an idle session: the same limit the server enforces. */
    idleLockMinutes: () => readSetting(db, 'session.idleLockMinutes'),

    endSessionsOf: (userId: number) => store.endAllOf(userId),

    purgeExpired: () => store.purgeExpired(),
  };
}
