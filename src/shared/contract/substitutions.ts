import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, text } from './common';
import { teacherOption } from './lessons';

/** A lesson of the absent teacher as the «Замены» screen lists it, with its substitution if one is recorded. */
export const substitutionLesson = z.object({
  lessonId: entityId,
  date: isoDate,
  lessonNumber: z.number().int(),
  className: z.string(),
  subjectName: z.string(),
  /** «урок не проведён»: nobody is paid to replace it. */
  notHeld: z.boolean(),
  substitution: z
    .object({ id: entityId, substituteId: entityId, substituteName: z.string(), reason: z.string() })
    .nullable(),
});
export type SubstitutionLesson = z.infer<typeof substitutionLesson>;

/** A recorded substitution, one lesson. */
export const substitutionRow = z.object({
  id: entityId,
  lessonId: entityId,
  date: isoDate,
  lessonNumber: z.number().int(),
  className: z.string(),
  subjectName: z.string(),
  absentTeacherName: z.string(),
  substituteName: z.string(),
  reason: z.string(),
  recordedByName: z.string().nullable(),
});
export type SubstitutionRow = z.infer<typeof substitutionRow>;

const dateRange = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: 'Начало периода позже его конца', path: ['from'] });

/** Which lessons a substitution covers: one lesson, or every lesson a teacher would give on a range of dates. */
export const substitutionTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lesson'), lessonId: entityId }),
  z.object({ kind: z.literal('range'), teacherId: entityId, from: isoDate, to: isoDate }),
]);

/** Substitutions recorded by the administration (the deputy and the admin). */
export const substitutionsContract = {
  /** The teachers: whose lessons to replace and who may replace them. */
  teachers: defineChannel({
    channel: 'substitutions:teachers',
    access: 'substitutions.manage',
    input: z.object({}),
    output: z.array(teacherOption),
  }),
  /** A teacher's lessons on a range of dates, to choose from. */
  lessons: defineChannel({
    channel: 'substitutions:lessons',
    access: 'substitutions.manage',
    input: z.object({ teacherId: entityId, from: isoDate, to: isoDate }),
    output: z.array(substitutionLesson),
  }),
  /** Every substitution recorded on a range of dates. */
  list: defineChannel({
    channel: 'substitutions:list',
    access: 'substitutions.manage',
    input: dateRange,
    output: z.array(substitutionRow),
  }),
  record: defineChannel({
    channel: 'substitutions:record',
    access: 'substitutions.manage',
    input: z.object({
      target: substitutionTarget,
      substituteId: entityId,
      reason: text(300, { min: 3, tooShort: 'Укажите причину замены' }),
    }),
    output: z.array(substitutionRow),
  }),
  cancel: defineChannel({
    channel: 'substitutions:cancel',
    access: 'substitutions.manage',
    input: z.object({ id: entityId }),
    output: z.object({ lessonId: entityId }),
  }),
};
