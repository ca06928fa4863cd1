import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { fullName } from '../../shared/names';
import { roles, type Role } from '../../shared/roles';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { sessions, userRoles, users } from '../db/schema';
import { createLockout } from './lockout';
import { requireRolesCanGo } from './roleChanges';
import { hashPassword } from './password';
import { generateOneTimePassword } from './policy';
import { writeTransaction } from '../db/write';

export interface NewUser {
  login: string;
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
  roles: Role[];
}

export type UsersService = ReturnType<typeof createUsersService>;

/** The admin's accounts: create with a one-time password, reset it, disable who left, unlock after guessing. */
export function createUsersService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const lockout = createLockout({ db, clock });

  function existing(userId: number) {
    const user = db.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('not_found', 'Пользователь не найден');
    return user;
  }
  // Ending the sessions is what makes a disable or a reset take effect on a computer left logged in.
  const endSessions = (userId: number) => db.delete(sessions).where(eq(sessions.userId, userId)).run();
  /** The latest live lock and where it holds: «everywhere» (null) or the sources that guessed. */
  const lockState = (u: typeof users.$inferSelect) => {
    const locks = lockout.locks(u);
    const lockedUntil = locks.reduce<string | null>((max, l) => (max === null || l.until > max ? l.until : max), null);
    return { lockedUntil, lockedFrom: locks.map((l) => l.source) };
  };

  /**
   * Several accounts at once (the teachers' import), each with its own one-time password: the passwords are
   * hashed first, then every account is written in one transaction, so a taken login leaves none of them.
   */
  async function createMany(
    actor: Actor,
    inputs: NewUser[],
  ): Promise<{ id: number; login: string; oneTimePassword: string }[]> {
    const prepared = await Promise.all(
      inputs.map(async (input) => {
        const oneTimePassword = generateOneTimePassword();
        return {
          input,
          login: input.login.toLowerCase(),
          oneTimePassword,
          passwordHash: await hashPassword(oneTimePassword),
        };
      }),
    );
    return writeTransaction(db, () =>
      prepared.map(({ input, login, oneTimePassword, passwordHash }) => {
        if (db.select({ id: users.id }).from(users).where(eq(users.login, login)).get()) {
          throw new AppError('conflict', `Логин «${login}» уже занят`, { refusal: 'exists' });
        }
        const row = db
          .insert(users)
          .values({
            login,
            passwordHash,
            lastName: input.lastName,
            firstName: input.firstName,
            middleName: input.middleName || null,
            mustChangePassword: true,
          })
          .returning({ id: users.id })
          .get();
        for (const role of new Set(input.roles)) db.insert(userRoles).values({ userId: row.id, role }).run();
        audit.record({
          userId: actor.userId,
          action: 'users.create',
          entity: 'user',
          entityId: row.id,
          newValue: { login, roles: input.roles },
        });
        return { id: row.id, login, oneTimePassword };
      }),
    );
  }

  return {
    list() {
      const roleRows = db.select().from(userRoles).all();
      return db
        .select()
        .from(users)
        .orderBy(asc(users.lastName), asc(users.firstName))
        .all()
        .map((u) => ({
          id: u.id,
          login: u.login,
          fullName: fullName(u),
          lastName: u.lastName,
          firstName: u.firstName,
          middleName: u.middleName,
          roles: roleRows.filter((r) => r.userId === u.id).map((r) => r.role as Role),
          isActive: u.isActive,
          mustChangePassword: u.mustChangePassword,
          ...lockState(u),
        }));
    },

    async create(actor: Actor, input: NewUser): Promise<{ id: number; oneTimePassword: string }> {
      const [created] = await createMany(actor, [input]);
      if (!created) throw new Error('createMany returned nothing');
      return { id: created.id, oneTimePassword: created.oneTimePassword };
    },

    createMany,

    async resetPassword(actor: Actor, userId: number): Promise<{ oneTimePassword: string }> {
      existing(userId);
      const oneTimePassword = generateOneTimePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      db.update(users)
        .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, userId))
        .run();
      endSessions(userId);
      audit.record({ userId: actor.userId, action: 'users.reset', entity: 'user', entityId: userId });
      return { oneTimePassword };
    },

    /** Disabling keeps the user's row, so their marks and lessons still name them; only logging in stops. */
    setActive(actor: Actor, userId: number, active: boolean): void {
      const user = existing(userId);
      if (!active && userId === actor.userId)
        throw new AppError('conflict', 'Нельзя отключить собственную учётную запись', { refusal: 'own_account' });
      if (user.isActive === active) return;
      db.update(users).set({ isActive: active }).where(eq(users.id, userId)).run();
      if (!active) endSessions(userId);
      audit.record({
        userId: actor.userId,
        action: active ? 'users.enable' : 'users.disable',
        entity: 'user',
        entityId: userId,
      });
    },

    rename(actor: Actor, input: { userId: number; lastName: string; firstName: string; middleName?: string }): void {
      const user = existing(input.userId);
      const before = { lastName: user.lastName, firstName: user.firstName, middleName: user.middleName };
      const after = { lastName: input.lastName, firstName: input.firstName, middleName: input.middleName || null };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      writeTransaction(db, () => {
        db.update(users).set(after).where(eq(users.id, input.userId)).run();
        audit.record({
          userId: actor.userId,
          action: 'users.rename',
          entity: 'user',
          entityId: input.userId,
          oldValue: before,
          newValue: after,
        });
      });
    },

    setRoles(actor: Actor, userId: number, next: Role[]): void {
      existing(userId);
      const before = db
        .select({ role: userRoles.role })
        .from(userRoles)
        .where(eq(userRoles.userId, userId))
        .all()
        .map((r) => r.role as Role);
      const after = roles.filter((r) => next.includes(r));
      if (before.length === after.length && before.every((r) => after.includes(r))) return;
      requireRolesCanGo(db, actor, userId, after);
      writeTransaction(db, () => {
        db.delete(userRoles).where(eq(userRoles.userId, userId)).run();
        for (const role of after) db.insert(userRoles).values({ userId, role }).run();
        // The screens shown follow the roles the session began with: the user signs in again under the new ones.
        if (userId !== actor.userId) endSessions(userId);
        audit.record({
          userId: actor.userId,
          action: 'users.roles',
          entity: 'user',
          entityId: userId,
          oldValue: { roles: roles.filter((r) => before.includes(r)) },
          newValue: { roles: after },
        });
      });
    },

    unlock(actor: Actor, userId: number): void {
      const user = existing(userId);
      const before = lockState(user);
      lockout.reset(userId);
      audit.record({
        userId: actor.userId,
        action: 'users.unlock',
        entity: 'user',
        entityId: userId,
        oldValue: before,
      });
    },
  };
}
