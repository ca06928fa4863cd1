import { z } from 'zod';
import { defineChannel } from './define';
import { absenceCode, correctionReason, entityId, isoDate, markValue, periodMarkValue } from './common';
import { period } from './school';
import { saveId, seenMark } from './saves';

export const assignmentSummary = z.object({
  id: entityId,
  yearId: entityId,
  classId: entityId,
  className: z.string(), // «5А»
  grade: z.number().int(),
  subjectId: entityId,
  subjectName: z.string(),
  subgroupName: z.string().nullable(),
  teacherName: z.string(),
  /** The actor sees it because they substituted in it, not because it is theirs. */
  viaSubstitution: z.boolean(),
});
export type AssignmentSummary = z.infer<typeof assignmentSummary>;

export const workKind = z.object({
  id: entityId,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  weight: z.number(),
  color: z.string(),
  isControl: z.boolean(),
});

export const gridStudent = z.object({
  id: entityId,
  number: z.number().int(),
  fullName: z.string(),
  /** Set when the student joined or left within the period: the grid shows them only for these dates. */
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
});

export const gridLesson = z.object({
  id: entityId,
  date: isoDate,
  lessonNumber: z.number().int(),
  topic: z.string().nullable(),
  homework: z.string().nullable(),
  workKindId: entityId,
  givenById: entityId,
  givenByName: z.string(),
  isSubstitution: z.boolean(),
  status: z.enum(['planned', 'held', 'not_held']),
  /** The teacher recorded attendance (an absence entered, or «все присутствуют»). */
  attendanceTaken: z.boolean(),
  planTopicId: entityId.nullable(),
});

export const gridMark = z.object({
  lessonId: entityId,
  studentId: entityId,
  value1: markValue,
  value2: markValue.nullable(),
  workKindId: entityId,
});
export const gridAbsence = z.object({ lessonId: entityId, studentId: entityId, code: absenceCode });

/** The weighted average and the period mark the school's rounding rule suggests, with the «н/а» rule's verdict. */
export const markSuggestion = z.object({
  studentId: entityId,
  average: z.number().nullable(),
  suggested: periodMarkValue.nullable(),
  markCount: z.number().int(),
  lessonsMissed: z.number().int(),
  lessonsHeld: z.number().int(),
  /** Missed more than half of the lessons and has too few marks: «рекомендуется н/а». */
  naRecommended: z.boolean(),
});
export type MarkSuggestion = z.infer<typeof markSuggestion>;

export const journalGrid = z.object({
  assignment: assignmentSummary,
  /** A period's page, or the whole year's with the year marks in the final column. */
  scope: z.enum(['period', 'year']),
  /** For the year: its span, named «Год», with the id of the year's last period. */
  period,
  students: z.array(gridStudent),
  lessons: z.array(gridLesson),
  marks: z.array(gridMark),
  absences: z.array(gridAbsence),
  periodMarks: z.array(z.object({ studentId: entityId, value: periodMarkValue })),
  workKinds: z.array(workKind),
  suggestions: z.array(markSuggestion),
  /** The actor may write this journal (own assignment, or substituted lessons only: see lessons' isSubstitution). */
  canWrite: z.boolean(),
  /** Set when the deputy closed the period: edits need a written reason. */
  lock: z.object({ periodName: z.string() }).nullable(),
  planTopics: z.array(
    z.object({
      id: entityId,
      position: z.number().int(),
      title: z.string(),
      hours: z.number().int(),
      homework: z.string().nullable(),
    }),
  ),
});
export type JournalGrid = z.infer<typeof journalGrid>;

/** One line of a cell's history, from the audit log. */
export const cellChange = z.object({
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
});

/** The «Итоговые» page of a journal: period marks of every period, year, exam and final marks. */
export const journalFinals = z.object({
  assignment: assignmentSummary,
  periods: z.array(z.object({ id: entityId, name: z.string() })),
  students: z.array(gridStudent),
  marks: z.array(
    z.object({
      studentId: entityId,
      kind: z.enum(['period', 'year', 'exam', 'final']),
      periodId: entityId.nullable(),
      value: periodMarkValue,
    }),
  ),
  /** The year mark the period marks suggest, by the school's rounding rule. */
  yearSuggestions: z.array(z.object({ studentId: entityId, suggested: periodMarkValue.nullable() })),
  canWrite: z.boolean(),
  /** The year's last period is closed: changes need a written reason. */
  lock: z.object({ periodName: z.string() }).nullable(),
});
export type JournalFinals = z.infer<typeof journalFinals>;

export const journalContract = {
  assignments: defineChannel({
    channel: 'journal:assignments',
    access: 'journal.read_own',
    input: z.object({ yearId: entityId.optional() }),
    output: z.array(assignmentSummary),
  }),
  setMark: defineChannel({
    channel: 'journal:setMark',
    access: 'journal.write',
    input: z.object({
      lessonId: entityId,
      studentId: entityId,
      value1: markValue,
      value2: markValue.nullable().optional(),
      workKindId: entityId.optional(),
      reason: correctionReason,
      /** The mark the screen showed before the change: someone else's save since is refused as a conflict. */
      expected: seenMark.optional(),
      saveId,
    }),
    output: z.object({ value1: markValue, value2: markValue.nullable(), workKindId: entityId }),
  }),
  clearMark: defineChannel({
    channel: 'journal:clearMark',
    access: 'journal.write',
    input: z.object({
      lessonId: entityId,
      studentId: entityId,
      reason: correctionReason,
      expected: seenMark.optional(),
      saveId,
    }),
    output: z.null(),
  }),
  setAbsence: defineChannel({
    channel: 'journal:setAbsence',
    access: 'journal.write',
    input: z.object({
      lessonId: entityId,
      studentId: entityId,
      code: absenceCode.nullable(),
      reason: correctionReason,
      expected: absenceCode.nullable().optional(),
      saveId,
    }),
    output: absenceCode.nullable(),
  }),
  cellHistory: defineChannel({
    channel: 'journal:cellHistory',
    access: 'journal.read_own',
    input: z.object({ lessonId: entityId, studentId: entityId }),
    output: z.array(cellChange),
  }),
  setPeriodMark: defineChannel({
    channel: 'journal:setPeriodMark',
    access: 'journal.write',
    input: z.object({
      assignmentId: entityId,
      studentId: entityId,
      kind: z.enum(['period', 'year', 'exam', 'final']),
      /** Required for kind 'period'. */
      periodId: entityId.optional(),
      value: periodMarkValue.nullable(),
      reason: correctionReason,
      expected: periodMarkValue.nullable().optional(),
      saveId,
    }),
    output: periodMarkValue.nullable(),
  }),
  finals: defineChannel({
    channel: 'journal:finals',
    access: 'journal.read_own',
    input: z.object({ assignmentId: entityId }),
    output: journalFinals,
  }),
  grid: defineChannel({
    channel: 'journal:grid',
    access: 'journal.read_own',
    input: z.object({ assignmentId: entityId, periodId: z.union([entityId, z.literal('year')]) }),
    output: journalGrid,
  }),
};
