import { z } from 'zod';
import { defineChannel } from './define';
import { demoTier, loginName, personName, text } from './common';
import { schoolCalendar } from './calendar';

export const setupContract = {
  status: defineChannel({
    channel: 'setup:status',
    access: 'public',
    input: z.object({}),
    output: z.object({ hasSchool: z.boolean(), schoolName: z.string().nullable(), isDemo: z.boolean() }),
  }),
  /** What the wizard proposes: the current school year with the recommended periods and holidays. */
  defaults: defineChannel({
    channel: 'setup:defaults',
    access: 'public',
    input: z.object({}),
    output: z.object({ calendar: schoolCalendar }),
  }),
  /**
   * First start only: the school (its name as in the charter, short name, address, director), its first school
   * year with each grade's periods and the holidays (the proposed one when left out), and its administrator.
   * Refused once a school exists.
   */
  createSchool: defineChannel({
    channel: 'setup:createSchool',
    access: 'public',
    input: z.object({
      schoolName: text(300, { min: 3, tooShort: 'Укажите полное название школы, как в уставе' }),
      shortName: text(100).default(''),
      address: text(300).default(''),
      director: text(150).default(''),
      calendar: schoolCalendar.optional(),
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
