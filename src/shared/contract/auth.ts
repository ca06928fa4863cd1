import { z } from 'zod';
import { roles } from '../roles';
import { defineChannel } from './define';
import { entityId } from './common';

export const sessionUser = z.object({
  id: entityId,
  login: z.string(),
  fullName: z.string(),
  shortName: z.string(), // «Иванова М. П.»
  roles: z.array(z.enum(roles)),
  /** After a one-time password: nothing but `auth:*` works until the password is changed. */
  mustChangePassword: z.boolean(),
  /** Locked after idling or by the OS screen lock: the renderer shows the lock screen, nothing else. */
  sessionLocked: z.boolean(),
  /** The admin's idle limit: the renderer locks the screen after it, the server refuses calls after it. */
  idleLockMinutes: z.number().int(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const authContract = {
  login: defineChannel({
    channel: 'auth:login',
    access: 'public',
    input: z.object({
      login: z.string().trim().min(1, 'Введите логин').max(64),
      password: z.string().min(1, 'Введите пароль').max(256),
    }),
    output: sessionUser,
  }),
  logout: defineChannel({ channel: 'auth:logout', access: 'session', input: z.object({}), output: z.null() }),
  changePassword: defineChannel({
    channel: 'auth:changePassword',
    access: 'session',
    input: z.object({
      oldPassword: z.string().min(1, 'Введите текущий пароль').max(256),
      newPassword: z.string().min(1, 'Введите новый пароль').max(256),
    }),
    output: sessionUser,
  }),
  lock: defineChannel({
    channel: 'auth:lock',
    access: 'session',
    input: z.object({ cause: z.enum(['idle', 'screen', 'manual']) }),
    output: z.null(),
  }),
  unlock: defineChannel({
    channel: 'auth:unlock',
    access: 'session',
    input: z.object({ password: z.string().min(1, 'Введите пароль').max(256) }),
    output: sessionUser,
  }),
  me: defineChannel({ channel: 'auth:me', access: 'public', input: z.object({}), output: sessionUser.nullable() }),
};
