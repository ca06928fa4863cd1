import { eq, and, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { fullName, shortName } from '../../shared/names';
import type { Role } from '../../shared/roles';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { writeTransaction } from '../db/write';
import { userRoles, users } from '../db/schema';
import { readSetting } from '../school/settings';
import { createAccountTurns } from './account-turns';
import { createFairQueue } from './fair-queue';
import { createLockout, type Subject } from './lockout';
import { dummyHash, hashPassword, needsRehash, passwordChecksAtOnce, verifyPassword } from './password';
import { checkPasswordPolicy } from './policy';
import { createSessionStore } from './sessions';
import { isLocalSource } from './source';
import { createThrottle } from './throttle';

export type AuthService = ReturnType<typeof createAuthService>;

const wrongPassword = 'Неверный логин или пароль';

/** What a password was typed for: each is a counted attempt on the account, audited under its own action. */
type Attempt = 'login' | 'unlock' | 'change' | 'confirm';
const failedAction: Record<Attempt, string> = {
  login: 'auth.login_failed',
  unlock: 'auth.unlock_failed',
  change: 'auth.change_failed',
  confirm: 'auth.confirm_failed',
};

type UserRow = typeof users.$inferSelect;

/** Where a source is, as the admin reads it in «Подбор пароля: …, с компьютера …». */
const computerOf = (client: string) =>
  isLocalSource(client) ? 'этот компьютер (сервер Журнала)' : (client.split(' ')[1] ?? client);

export function createAuthService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const lockout = createLockout({ db, clock });
  const throttle = createThrottle({ now: () => clock.now().getTime() });
  const store = createSessionStore({ db, clock });
  // A burst of guesses from one computer waits its turns; logins from elsewhere are not held up behind it.
  const checks = createFairQueue({ concurrency: passwordChecksAtOnce, perSource: 16 });
  const turns = createAccountTurns(16);
  // Made once before the first unknown login, so that it does not cost two hashes.
  dummyHash().catch(() => undefined);

  // Read on every call (the session's actor): built and prepared once.
  const userById = db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();
  const rolesOf = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, sql.placeholder('id')))
    .prepare();

  function loadActor(userId: number): Actor | null {
    const user = userById.get({ id: userId });
    if (!user || !user.isActive) return null;
    const roleRows = rolesOf.all({ id: userId });
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

  /** A refused attempt in the audit log; the login typed is kept only when it names an account. */
  function recordFailure(user: UserRow | undefined, client: string, attempt: Attempt, reason: string) {
    audit.record({
      userId: user?.id ?? null,
      action: failedAction[attempt],
      entity: 'user',
      entityId: user?.id ?? null,
      newValue: user ? { client, login: user.login } : { client },
      reason,
    });
  }

  /** Tells the admin (audit log, Пользователи) that a source is guessing: once it waits, and at every lock. */
  function recordGuessing(user: UserRow | undefined, client: string) {
    const account = user ? `«${user.login}»` : 'с несуществующим логином';
    audit.record({
      userId: null,
      action: 'auth.guessing',
      entity: 'user',
      entityId: user?.id ?? null,
      newValue: user ? { client, login: user.login } : { client },
      reason: `Подбор пароля: учётная запись ${account}, с компьютера ${computerOf(client)}`,
    });
  }

  /**
   * One password check of the account `login` from `client`, the only way any password is checked: the source
   * must not be waiting (growing delays), the account's checks run one at a time, the lock is read and the
   * attempt counted before the slow hash, and read again after it. An unknown or disabled login is checked
   * against a dummy hash, counted and locked in the same way, so that neither the answer nor its time tells
   * it from a real one. `then` runs in the account's turn, with the lock still as checked.
   */
  async function check<T>(
    login: string,
    password: string,
    client: string,
    attempt: Attempt,
    then: (user: UserRow) => T | Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; lockedUntil: string | null; lockedNow: boolean }> {
    throttle.admit(client);
    const name = login.toLowerCase();
    return turns.run(name, client, async () => {
      const user = db.select().from(users).where(eq(users.login, name)).get();
      const subject: Subject = user ?? { unknown: name };
      const lockedBefore = lockout.lockedUntil(subject, client);
      if (lockedBefore) {
        recordFailure(user, client, attempt, 'locked');
        return { ok: false as const, lockedUntil: lockedBefore, lockedNow: false };
      }
      writeTransaction(db, () => lockout.attempt(subject, client));
      const stored = user?.isActive ? user.passwordHash : await dummyHash();
      const matches = await checks.run(client, () => verifyPassword(password, stored));
      if (!matches || !user?.isActive) {
        const outcome = writeTransaction(db, () => {
          const locked = lockout.wrong(subject, client);
          const reason =
            locked === 'none' ? 'wrong_password' : locked === 'source' ? 'locked_now' : 'account_locked_now';
          recordFailure(user, client, attempt, reason);
          return locked;
        });
        if (throttle.wrong(client) || outcome !== 'none') recordGuessing(user, client);
        const lockedNow = outcome === 'none' ? null : lockout.lockedUntil(subject, client);
        return { ok: false as const, lockedUntil: lockedNow, lockedNow: lockedNow !== null };
      }
      // Read again: a lock written while the hash ran (another process, the other transport) still holds.
      const fresh = db.select().from(users).where(eq(users.id, user.id)).get();
      const lockedAfter = fresh ? lockout.lockedUntil(fresh, client) : null;
      if (!fresh?.isActive || lockedAfter) {
        recordFailure(user, client, attempt, 'locked');
        return { ok: false as const, lockedUntil: lockedAfter, lockedNow: false };
      }
      lockout.succeed(user.id, client);
      throttle.succeed(client);
      // A change of password writes a new hash anyway.
      if (attempt !== 'change' && needsRehash(user.passwordHash)) {
        const upgraded = await hashPassword(password);
        db.update(users)
          .set({ passwordHash: upgraded })
          .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
          .run();
      }
      return { ok: true as const, value: await then(user) };
    });
  }

  /**
   * A wrong password typed inside a session (the lock screen, a change of password, a confirmation): when it
   * locked the account for this source, the session ends, as whoever holds it is guessing.
   */
  function refuseInSession(token: string | null, lockedUntil: string | null, wrong: string): never {
    if (lockedUntil) {
      if (token) store.end(token);
      throw new AppError('unauthorized', lockedMessage(lockedUntil));
    }
    throw new AppError('validation', wrong);
  }

  return {
    loadActor,

    async login(login: string, password: string, client: string): Promise<{ token: string; actor: Actor }> {
      const checked = await check(login, password, client, 'login', (user) => {
        const actor = loadActor(user.id);
        if (!actor) return null;
        const token = store.create(user.id, client);
        audit.record({
          userId: user.id,
          action: 'auth.login',
          entity: 'user',
          entityId: user.id,
          newValue: { client },
        });
        return { token, actor };
      });
      if (checked.ok && checked.value) return checked.value;
      // The same answer for an unknown login and a wrong password: logins are not to be guessed one by one.
      // The wrong password that locked is answered as wrong: the lock shows at the next attempt, for any login.
      if (!checked.ok && checked.lockedUntil && !checked.lockedNow)
        throw new AppError('locked', lockedMessage(checked.lockedUntil));
      throw new AppError('unauthorized', wrongPassword);
    },

    /**
     * The first thing a user with a one-time password does; also any later change of one's own password. A wrong
     * old password counts like a failed login; the user's other sessions end (a stolen one among them).
     */
    async changePassword(
      actor: Actor,
      token: string | null,
      oldPassword: string,
      newPassword: string,
      client: string,
    ): Promise<void> {
      checkPasswordPolicy(newPassword, actor.login);
      if (newPassword === oldPassword) throw new AppError('validation', 'Новый пароль должен отличаться от прежнего');
      const checked = await check(actor.login, oldPassword, client, 'change', async (user) => {
        const passwordHash = await hashPassword(newPassword);
        writeTransaction(db, () => {
          db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id)).run();
          store.endOthersOf(user.id, token);
          audit.record({ userId: user.id, action: 'auth.password_changed', entity: 'user', entityId: user.id });
        });
      });
      if (!checked.ok) refuseInSession(token, checked.lockedUntil, 'Текущий пароль введён неверно');
    },

    /**
     * The admin's own password again before a dangerous change (a backup destination, encryption off, «Школьная
     * сеть», roles, a reset, a restore): a session left open is not enough. Counted like a login when wrong.
     */
    async confirm(actor: Actor, password: string | undefined, client: string, token: string | null): Promise<void> {
      if (!password) throw new AppError('validation', 'Подтвердите действие своим паролем');
      const checked = await check(actor.login, password, client, 'confirm', () => undefined);
      if (!checked.ok) refuseInSession(token, checked.lockedUntil, 'Неверный пароль администратора');
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
      const checked = await check(actor.login, password, client, 'unlock', (user) => {
        store.unlock(token);
        audit.record({
          userId: user.id,
          action: 'auth.session_unlocked',
          entity: 'user',
          entityId: user.id,
          newValue: { client },
        });
      });
      if (!checked.ok)
        refuseInSession(
          token,
          checked.lockedUntil,
          `Неверный пароль. Разблокировать сеанс может только ${actor.shortName}; другой пользователь нажимает «Сменить пользователя».`,
        );
    },

    logout(actor: Actor, token: string | null): void {
      if (token) store.end(token);
      audit.record({ userId: actor.userId, action: 'auth.logout', entity: 'user', entityId: actor.userId });
    },

    /** How long the renderer waits before locking an idle session: the same limit the server enforces. */
    idleLockMinutes: () => readSetting(db, 'session.idleLockMinutes'),

    endSessionsOf: (userId: number) => store.endAllOf(userId),

    sessionOwner: (token: string | null) => store.ownerOf(token),

    purgeExpired: () => store.purgeExpired(),
  };
}
