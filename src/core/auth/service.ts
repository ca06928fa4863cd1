import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { fullName, shortName } from '../../shared/names';
import type { Role } from '../../shared/roles';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { sessions, userRoles, users } from '../db/schema';
import { maxFailedLogins, createLockout } from './lockout';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy } from './policy';

const sessionHours = 12;
// Touching last_seen_at on every call would write on every read; once a minute is enough to expire idle ones.
const touchEveryMs = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const lockout = createLockout({ db, clock });

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

  return {
    loadActor,

    async login(login: string, password: string, client: string): Promise<{ token: string; actor: Actor }> {
      const user = db.select().from(users).where(eq(users.login, login.toLowerCase())).get();
      const failed = (reason: string) =>
        audit.record({ userId: user?.id ?? null, action: 'auth.login_failed', entity: 'user', entityId: login, newValue: { client }, reason });
      // A locked account is refused before the password is even checked: guessing on gains nothing.
      const lockedUntil = user ? lockout.lockedUntil(user) : null;
      if (lockedUntil) {
        failed('locked');
        throw new AppError('locked', `Учётная запись заблокирована до ${lockedUntil.slice(11, 16)} после ${maxFailedLogins} неверных паролей. Обратитесь к администратору.`);
      }
      // The same answer for an unknown login and a wrong password: logins are not to be guessed one by one.
      const ok = user !== undefined && user.isActive && (await verifyPassword(password, user.passwordHash));
      if (!user || !ok) {
        const lockedNow = user !== undefined && user.isActive && lockout.fail(user.id);
        failed(lockedNow ? 'locked_now' : 'wrong_password');
        throw new AppError('unauthorized', 'Неверный логин или пароль');
      }
      if (user.failedLogins > 0 || user.lockedUntil) lockout.reset(user.id);
      const actor = loadActor(user.id);
      if (!actor) throw new AppError('unauthorized', 'Неверный логин или пароль');
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      db.insert(sessions)
        .values({
          tokenHash: hashToken(token),
          userId: user.id,
          lastSeenAt: localTimestamp(now),
          expiresAt: localTimestamp(new Date(now.getTime() + sessionHours * 3600_000)),
          client,
        })
        .run();
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

    /** The actor of a session token, or null when there is none, it expired, or the user was disabled. */
    resolve(token: string | null): Actor | null {
      if (!token) return null;
      const tokenHash = hashToken(token);
      const session = db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).get();
      if (!session) return null;
      const now = clock.now();
      if (session.expiresAt <= localTimestamp(now)) {
        db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
        return null;
      }
      if (now.getTime() - new Date(session.lastSeenAt.replace(' ', 'T')).getTime() > touchEveryMs) {
        db.update(sessions).set({ lastSeenAt: localTimestamp(now) }).where(eq(sessions.tokenHash, tokenHash)).run();
      }
      return loadActor(session.userId);
    },

    logout(token: string | null, actor: Actor): void {
      if (token) db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
      audit.record({ userId: actor.userId, action: 'auth.logout', entity: 'user', entityId: actor.userId });
    },

    purgeExpired(): void {
      db.delete(sessions).where(and(lt(sessions.expiresAt, localTimestamp(clock.now())))).run();
    },
  };
}
