import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate } from './common';

export const periodSchemes = ['quarters', 'trimesters', 'half_years'] as const;
export const periodScheme = z.enum(periodSchemes);
export type PeriodScheme = z.infer<typeof periodScheme>;
export const schemeNames: Record<PeriodScheme, string> = {
  quarters: 'четверти',
  trimesters: 'триместры',
  half_years: 'полугодия',
};

export const calendarPeriod = z.object({
  scheme: periodScheme,
  number: z.number().int().min(1).max(4),
  name: z.string().trim().min(1, 'Укажите название периода').max(50),
  startDate: isoDate,
  endDate: isoDate,
  /** The last day for the period's marks; none set means the period's last day. */
  marksDueDate: isoDate.nullable().optional(),
});
export const calendarHoliday = z.object({
  name: z.string().trim().min(1, 'Укажите название каникул').max(100),
  startDate: isoDate,
  endDate: isoDate,
  /** Null: every grade; otherwise only this one (the extra February week of the 1st grade). */
  grade: z.number().int().min(1).max(11).nullable(),
});

/** A school year as the school sets it: its dates, the periods each grade follows, and the holidays. */
export const schoolCalendar = z.object({
  year: z.object({
    name: z
      .string()
      .trim()
      .max(9, 'Учебный год пишется как 2025/2026')
      .regex(/^\d{4}\/\d{4}$/, 'Учебный год пишется как 2025/2026'),
    startDate: isoDate,
    endDate: isoDate,
  }),
  /** Grade 1 … 11 in order. */
  gradeSchemes: z.array(periodScheme).length(11),
  periods: z.array(calendarPeriod).min(2).max(9),
  holidays: z.array(calendarHoliday).max(60),
});
export type SchoolCalendar = z.infer<typeof schoolCalendar>;
export type CalendarPeriod = z.infer<typeof calendarPeriod>;
export type CalendarHoliday = z.infer<typeof calendarHoliday>;

/** The school's details as its charter names them: printed on the journals' title pages and the archive act. */
export const schoolProfile = z.object({
  fullName: z.string().trim().min(3, 'Укажите полное название школы, как в уставе').max(300),
  shortName: z.string().trim().max(100),
  address: z.string().trim().max(300),
  director: z.string().trim().max(150),
});
export type SchoolProfile = z.infer<typeof schoolProfile>;

/** Администрирование → «Школа»: the same data the first-start wizard asked for, changed later. */
export const calendarContract = {
  get: defineChannel({
    channel: 'calendar:get',
    access: 'session',
    input: z.object({ yearId: entityId.optional() }),
    output: z.object({
      yearId: entityId,
      calendar: schoolCalendar,
      /** Marks exist in the year: periods and their dates can no longer change, holidays still can. */
      periodsLocked: z.boolean(),
    }),
  }),
  save: defineChannel({
    channel: 'calendar:save',
    access: 'school.manage',
    input: z.object({ yearId: entityId, calendar: schoolCalendar }),
    output: z.null(),
  }),
};

export const profileContract = {
  get: defineChannel({ channel: 'profile:get', access: 'session', input: z.object({}), output: schoolProfile }),
  save: defineChannel({ channel: 'profile:save', access: 'school.manage', input: schoolProfile, output: z.null() }),
};
