import { z } from 'zod';
import { defineChannel } from './define';
import { demoTier, loginName, personName, text } from './common';


export const setupContract = {
  status: defineChannel({
    channel: 'setup:status',
    access: 'public',
    input: z.object({}),
    output: z.object({ hasSchool: z.boolean(), schoolName: z.string().nullable(), isDemo: z.boolean() }),
  }),
  /** First start only: an empty school and its administrator. Refused once a school exists. */
  createSchool: defineChannel({
    channel: 'setup:createSchool',
    access: 'public',
    input: z.object({
      schoolName: text(300, { min: 3, tooShort: 'Укажите название школы' }),
      admin: z.object({
        login: loginName,
        password: z.string().min(8, 'Пароль не короче 8 символов').max(256),
        lastName: personName,
        firstName: personName,
        middleName: text(100).optional(),
      }),
    }),
    output: z.null(),
  }),
  /** First start only: fill the empty database with the demonstration school. */
  createDemo: defineChannel({
    channel: 'setup:createDemo',
    access: 'public',
    input: z.object({ tier: demoTier.default('small') }),
    output: z.null(),
  }),
};
