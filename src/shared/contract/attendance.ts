import { z } from 'zod';
import { defineChannel } from './define';
import { absenceCode, entityId, isoDate, text } from './common';

export const weekLesson = z.object({
  lessonId: entityId,
  date: isoDate,
  lessonNumber: z.number().int(),
  subjectName: z.string(),
  teacherName: z.string(),
  subgroupName: z.string().nullable(),
  /** Who was due at the lesson when only part of the class was (a subgroup, or students who arrived or left); null: everyone listed. */
  studentIds: z.array(entityId).nullable(),
});

export const classWeek = z.object({
  classId: entityId,
  className: z.string(),
  weekStart: isoDate,
  days: z.array(isoDate),
  lessons: z.array(weekLesson),
  students: z.array(z.object({ id: entityId, number: z.number().int(), fullName: z.string() })),
  absences: z.array(z.object({ lessonId: entityId, studentId: entityId, code: absenceCode })),
  /** Days every lesson of which a student missed: the day counts as missed (docs/DOMAIN.md). */
  missedDays: z.array(z.object({ studentId: entityId, date: isoDate })),
  check: z.object({ checkedBy: z.string(), checkedAt: z.string(), note: z.string().nullable() }).nullable(),
});

export const schoolDay = z.object({
  date: isoDate,
  classes: z.array(
    z.object({
      classId: entityId,
      className: z.string(),
      enrolled: z.number().int(),
      absentAllDay: z.number().int(),
      absentSome: z.number().int(),
      students: z.array(z.object({ fullName: z.string(), codes: z.array(absenceCode), allDay: z.boolean() })),
    }),
  ),
});

/** The class teacher's week: checking attendance across subjects and setting reasons for a date range. */
export const attendanceContract = {
  /** Classes whose attendance the actor checks (their own) or reads (deputy, director, admin). */
  classes: defineChannel({
    channel: 'attendance:classes',
    access: 'session',
    input: z.object({}),
    output: z.array(z.object({ id: entityId, name: z.string(), isOwn: z.boolean() })),
  }),
  week: defineChannel({
    channel: 'attendance:week',
    access: 'session',
    input: z.object({ classId: entityId, weekStart: isoDate }),
    output: classWeek,
  }),
  confirmWeek: defineChannel({
    channel: 'attendance:confirmWeek',
    access: 'attendance.verify',
    input: z.object({ classId: entityId, weekStart: isoDate, note: text(500).optional() }),
    output: z.null(),
  }),
  /** A medical note covering days: the student's «н» in those days become «б» (or «у»). */
  setReason: defineChannel({
    channel: 'attendance:setReason',
    access: 'attendance.verify',
    input: z.object({
      classId: entityId,
      studentId: entityId,
      from: isoDate,
      to: isoDate,
      code: z.enum(['б', 'у']),
      reason: text(500, { min: 3, tooShort: 'Укажите основание (справка, заявление)' }),
    }),
    output: z.object({ changed: z.number().int() }),
  }),
  schoolDay: defineChannel({
    channel: 'attendance:schoolDay',
    access: 'reports.read',
    input: z.object({ date: isoDate }),
    output: schoolDay,
  }),
};

export type ClassWeek = z.infer<typeof classWeek>;
export type SchoolDay = z.infer<typeof schoolDay>;
