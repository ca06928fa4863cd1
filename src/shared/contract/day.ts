import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, lessonLine } from './common';

export const dayLesson = z.object({
  lessonId: entityId,
  assignmentId: entityId,
  periodId: entityId.nullable(),
  date: isoDate,
  lessonNumber: z.number().int(),
  className: z.string(),
  subjectName: z.string(),
  subgroupName: z.string().nullable(),
  isSubstitution: z.boolean(),
  status: z.enum(['planned', 'held', 'not_held']),
  /** What the lesson still lacks. */
  missing: z.array(z.enum(['topic', 'attendance', 'homework'])),
});

export const overdueControl = z.object({
  ...lessonLine,
  workKindName: z.string(),
  studentsWithoutMark: z.number().int(),
  dueDate: isoDate,
});

/** A journal of the teacher's whose period marks are due within three days (or overdue) and still incomplete. */
export const periodMarksDue = z.object({
  assignmentId: entityId,
  periodId: entityId,
  periodName: z.string(),
  dueDate: isoDate,
  className: z.string(),
  subjectName: z.string(),
  subgroupName: z.string().nullable(),
  studentsWithoutMark: z.number().int(),
  overdue: z.boolean(),
});

/** «Мой день»: the teacher's start page. */
export const dayContract = {
  mine: defineChannel({
    channel: 'day:mine',
    access: 'journal.write',
    input: z.object({ date: isoDate.optional() }),
    output: z.object({
      date: isoDate,
      lessons: z.array(dayLesson),
      /** Lessons of the two weeks before the day (up to today) that still lack something: shown every day. */
      earlier: z.array(dayLesson),
      /** When the day has no lessons: the next day that has (a weekend, a holiday), or null at the year's end. */
      next: z.object({ date: isoDate, lessons: z.array(dayLesson) }).nullable(),
      overdueControl: z.array(overdueControl),
      periodMarksDue: z.array(periodMarksDue),
    }),
  }),
};
