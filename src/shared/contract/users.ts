import { z } from 'zod';
import { roles } from '../roles';
import { entityId, loginName, personName, text } from './common';
import { defineChannel } from './define';

export const userRow = z.object({
  id: entityId,
  login: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(roles)),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Local timestamp until which wrong passwords locked the account, or null. */
  lockedUntil: z.string().nullable(),
});
export type UserRow = z.infer<typeof userRow>;

const byId = z.object({ userId: entityId });
const oneTimePassword = z.object({ oneTimePassword: z.string() });

/** The administrator's accounts (issue 7, item 1). The one-time password is returned once and stored only hashed. */
export const usersContract = {
  list: defineChannel({ channel: 'users:list', access: 'users.manage', input: z.object({}), output: z.array(userRow) }),
  create: defineChannel({
    channel: 'users:create',
    access: 'users.manage',
    input: z.object({
      login: loginName,
      lastName: personName,
      firstName: personName,
      middleName: text(100).optional(),
      roles: z.array(z.enum(roles)).min(1, 'Выберите хотя бы одну роль').max(roles.length),
    }),
    output: oneTimePassword.extend({ id: entityId }),
  }),
  resetPassword: defineChannel({ channel: 'users:resetPassword', access: 'users.manage', input: byId, output: oneTimePassword }),
  setActive: defineChannel({
    channel: 'users:setActive',
    access: 'users.manage',
    input: byId.extend({ active: z.boolean() }),
    output: z.null(),
  }),
  unlock: defineChannel({ channel: 'users:unlock', access: 'users.manage', input: byId, output: z.null() }),
};
