import { z } from 'zod';
import { entityId, isoDate } from './common';
import { defineChannel } from './define';

const hhmm = z
  .string()
  .max(5, 'Время в формате ЧЧ:ММ, например 08:30')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ, например 08:30');
export const bellTime = z.object({ number: z.number().int().min(1).max(12), startTime: hhmm, endTime: hhmm });

export const slotEntry = z.object({
  key: z.string(),
  weekday: z.number().int(),
  lessonNumber: z.number().int(),
  classId: entityId,
  className: z.string(),
  subgroupId: entityId.nullable(),
  teacherId: entityId,
  teacherName: z.string(),
  room: z.string().nullable(),
});

export const newSlot = z.object({
  assignmentId: entityId,
  weekday: z
    .number()
    .int()
    .min(1, 'День недели: с понедельника по субботу')
    .max(6, 'День недели: с понедельника по субботу'),
  lessonNumber: z.number().int().min(1, 'Номер урока: от 1 до 12').max(12, 'Номер урока: от 1 до 12'),
  room: z.string().trim().max(20, 'Кабинет: не длиннее 20 знаков').nullable(),
});

export const keptLesson = z.object({
  lessonId: entityId,
  date: isoDate,
  lessonNumber: z.number().int(),
  className: z.string(),
  subjectName: z.string(),
  subgroupName: z.string().nullable(),
  holds: z.array(z.string()),
});
export type KeptLessonRow = z.infer<typeof keptLesson>;

export const regeneration = z.object({
  created: z.number().int(),
  removed: z.number().int(),
  kept: z.array(keptLesson),
});
export type RegenerationResult = z.infer<typeof regeneration>;

export const classTimetable = z.object({
  classId: entityId,
  className: z.string(),
  shift: z.number().int(),
  date: isoDate,
  yearStart: isoDate,
  yearEnd: isoDate,
  /** The dates from which the class's timetable changed. */
  versions: z.array(isoDate),
  bells: z.array(bellTime),
  assignments: z.array(
    z.object({
      id: entityId,
      subjectName: z.string(),
      subgroupId: entityId.nullable(),
      subgroupName: z.string().nullable(),
      teacherId: entityId,
      teacherName: z.string(),
      hoursPerWeek: z.number().int(),
    }),
  ),
  entries: z.array(
    z.object({
      id: entityId,
      assignmentId: entityId,
      weekday: z.number().int(),
      lessonNumber: z.number().int(),
      room: z.string().nullable(),
    }),
  ),
  /** Every other class's lessons in force on the date: what the editor checks its draft against. */
  others: z.array(slotEntry),
});
export type ClassTimetable = z.infer<typeof classTimetable>;

/** The timetable editor, its bells, and the lessons generated from it. */
export const timetableContract = {
  ofClass: defineChannel({
    channel: 'timetable:ofClass',
    access: 'school.read',
    input: z.object({ classId: entityId, date: isoDate.optional() }),
    output: classTimetable,
  }),
  save: defineChannel({
    channel: 'timetable:save',
    access: 'school.manage',
    input: z.object({
      classId: entityId,
      from: isoDate,
      slots: z.array(newSlot).max(120),
      /** A teacher or a room twice at once is refused unless the admin confirmed it. */
      allowClashes: z.boolean().default(false),
    }),
    output: regeneration,
  }),
  generate: defineChannel({
    channel: 'timetable:generate',
    access: 'school.manage',
    input: z.object({ from: isoDate.optional() }),
    output: regeneration.extend({ classes: z.number().int() }),
  }),
  bells: defineChannel({
    channel: 'timetable:bells',
    access: 'school.read',
    input: z.object({}),
    output: z.array(bellTime.extend({ shift: z.number().int() })),
  }),
  saveBells: defineChannel({
    channel: 'timetable:saveBells',
    access: 'school.manage',
    input: z.object({
      shift: z.number().int().min(1).max(2),
      times: z.array(bellTime).min(1, 'Задайте хотя бы один урок').max(12),
    }),
    output: z.null(),
  }),
};
