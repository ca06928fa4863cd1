import { z } from 'zod';
import { roles } from '../roles';
import { entityId, loginName, personName, stepUpPassword, text } from './common';
import { defineChannel } from './define';

export const userRow = z.object({
  id: entityId,
  login: z.string(),
  fullName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Local timestamp until which wrong passwords locked the account, or null. */
  lockedUntil: z.string().nullable(),
  /** Where the lock holds: null = everywhere (the account), else the source that guessed («desktop», «http 10.0.0.7»). */
  lockedFrom: z.array(z.string().nullable()),
});
export type UserRow = z.infer<typeof userRow>;

/** Администрирование → Безопасность: idle lock and the lockout after wrong passwords (core/auth/security.ts). */
export const securitySettings = z.object({
  idleLockMinutes: z
    .number({ error: 'Введите число минут' })
    .int('Целое число минут')
    .min(1, 'Не меньше 1 минуты')
    .max(240, 'Не больше 240 минут'),
  lockoutThreshold: z
    .number({ error: 'Введите число попыток' })
    .int('Целое число попыток')
    .min(3, 'Не меньше 3 попыток')
    .max(20, 'Не больше 20 попыток'),
  lockoutMinutes: z
    .number({ error: 'Введите число минут' })
    .int('Целое число минут')
    .min(1, 'Не меньше 1 минуты')
    .max(1440, 'Не больше 1440 минут (суток)'),
});
export type SecuritySettingsInput = z.infer<typeof securitySettings>;

const byId = z.object({ userId: entityId });
const userRoleList = z.array(z.enum(roles)).min(1, 'Выберите хотя бы одну роль').max(roles.length);
const userName = { lastName: personName, firstName: personName, middleName: text(100).optional() };
const oneTimePassword = z.object({ oneTimePassword: z.string() });

/** The administrator's accounts. The one-time password is returned once and stored only hashed. */
export const usersContract = {
  list: defineChannel({ channel: 'users:list', access: 'users.manage', input: z.object({}), output: z.array(userRow) }),
  create: defineChannel({
    channel: 'users:create',
    access: 'users.manage',
    input: z.object({
      login: loginName,
      ...userName,
      roles: userRoleList,
    }),
    output: oneTimePassword.extend({ id: entityId }),
  }),
  resetPassword: defineChannel({
    channel: 'users:resetPassword',
    access: 'users.manage',
    stepUp: 'always',
    input: byId.extend({ password: stepUpPassword }),
    output: oneTimePassword,
  }),
  setActive: defineChannel({
    channel: 'users:setActive',
    access: 'users.manage',
    input: byId.extend({ active: z.boolean() }),
    output: z.null(),
  }),
  unlock: defineChannel({ channel: 'users:unlock', access: 'users.manage', input: byId, output: z.null() }),
  /** A name corrected after the account was made (a typo, a marriage): audited with the old name. */
  rename: defineChannel({
    channel: 'users:rename',
    access: 'users.manage',
    input: byId.extend(userName),
    output: z.null(),
  }),
  /** The roles changed after the account was made: audited with the old roles; the user's sessions end. */
  setRoles: defineChannel({
    channel: 'users:setRoles',
    access: 'users.manage',
    stepUp: 'always',
    input: byId.extend({ roles: userRoleList, password: stepUpPassword }),
    output: z.null(),
  }),
  security: defineChannel({
    channel: 'users:security',
    access: 'users.manage',
    input: z.object({}),
    output: securitySettings,
  }),
  setSecurity: defineChannel({
    channel: 'users:setSecurity',
    access: 'users.manage',
    input: securitySettings,
    output: securitySettings,
  }),
};
