import { z } from 'zod';
import { entityId, isoDate, journalLine, lessonLine } from './common';
import { periodMarksDue } from './day';
import { substitutionRow } from './substitutions';

/** Counts and shares of one group of period marks: a class, a subject, a teacher, a grade, the school. */
export const progressStats = z.object({
  /** On the roll at the end of the period. */
  students: z.number().int(),
  /** With at least one period mark (a grade, «н/а», «зач», «незач» or «осв»). */
  assessed: z.number().int(),
  /** On the roll of a class that gets marks, with no period mark yet: not successful. */
  unmarked: z.number().int(),
  excellent: z.number().int(), // отличники
  good: z.number().int(), // хорошисты (включая «с одной 4»)
  oneFour: z.number().int(),
  oneThree: z.number().int(),
  satisfactory: z.number().int(), // троечники (включая «с одной 3»)
  failing: z.number().int(), // неуспевающие: хотя бы одна «2»
  notAttested: z.number().int(), // хотя бы одно «н/а»
  n5: z.number().int(),
  n4: z.number().int(),
  n3: z.number().int(),
  n2: z.number().int(),
  nNa: z.number().int(),
  /** Of everyone on the roll (the 1st grade, which gets no marks, left out): no «2», «1», «незач», «н/а» and not unmarked. */
  successPct: z.number().nullable(),
  /** Of everyone on the roll: only «4» and «5». */
  qualityPct: z.number().nullable(),
  souPct: z.number().nullable(),
  average: z.number().nullable(),
});
export type ProgressStats = z.infer<typeof progressStats>;

export const progressLevel = z.enum(['class', 'subject', 'teacher', 'grade', 'school']);
export type ProgressLevel = z.infer<typeof progressLevel>;

export const progressRow = progressStats.extend({
  key: z.string(),
  label: z.string(),
  /** Names behind the counts, for the class teacher's «кто именно». */
  names: z.object({
    excellent: z.array(z.string()),
    oneFour: z.array(z.string()),
    oneThree: z.array(z.string()),
    failing: z.array(z.string()),
    notAttested: z.array(z.string()),
  }),
});
export type ProgressRow = z.infer<typeof progressRow>;

export const progressData = z.object({
  level: progressLevel,
  termName: z.string(),
  rows: z.array(progressRow),
  total: progressRow,
});
export type ProgressData = z.infer<typeof progressData>;

export const attendanceStudentRow = z.object({
  studentId: entityId,
  number: z.number().int(),
  name: z.string(),
  lessons: z.number().int(),
  missed: z.number().int(),
  illness: z.number().int(), // б
  excused: z.number().int(), // у
  unexcused: z.number().int(), // н
  late: z.number().int(), // оп: present, so not missed
  daysMissed: z.number().int(),
  daysIllness: z.number().int(),
  /** Lessons missed on each school day of the range that had any (date → count). */
  byDay: z.record(z.string(), z.number().int()),
});
export type AttendanceStudentRow = z.infer<typeof attendanceStudentRow>;

export const attendanceMonthData = z.object({
  className: z.string(),
  month: z.string(),
  schoolDays: z.array(isoDate),
  rows: z.array(attendanceStudentRow),
});
export type AttendanceMonthData = z.infer<typeof attendanceMonthData>;

export const attendanceYearData = z.object({
  className: z.string(),
  months: z.array(z.string()), // YYYY-MM
  rows: z.array(
    z.object({
      studentId: entityId,
      number: z.number().int(),
      name: z.string(),
      months: z.array(z.object({ missed: z.number().int(), daysMissed: z.number().int() })),
      missed: z.number().int(),
      illness: z.number().int(),
      excused: z.number().int(),
      unexcused: z.number().int(),
      daysMissed: z.number().int(),
    }),
  ),
  /** The class's lessons missed per month, by reason: the chart. */
  byMonth: z.array(
    z.object({ month: z.string(), illness: z.number().int(), excused: z.number().int(), unexcused: z.number().int() }),
  ),
});
export type AttendanceYearData = z.infer<typeof attendanceYearData>;

export const summarySheetData = z.object({
  className: z.string(),
  terms: z.array(z.object({ key: z.string(), name: z.string() })), // periods, then «год», «экзамен», «итог»
  subjects: z.array(z.object({ id: entityId, name: z.string() })),
  rows: z.array(
    z.object({
      studentId: entityId,
      number: z.number().int(),
      name: z.string(),
      /** subjectId → term key → mark */
      marks: z.record(z.string(), z.record(z.string(), z.string())),
    }),
  ),
});
export type SummarySheetData = z.infer<typeof summarySheetData>;

export const controlRow = z.object({
  ...journalLine,
  lessons: z.number().int(),
  noTopic: z.number().int(),
  noHomework: z.number().int(),
  late: z.number().int(),
  /** Lessons with marks or absences entered after their deadline. */
  lateEntries: z.number().int(),
  /** Past lessons with no attendance taken (no absence entered and no «все присутствуют»). */
  noAttendance: z.number().int(),
  /** Lessons whose topic or homework has letters but no Russian one. */
  notRussian: z.number().int(),
  /** Works with a marking limit (control works, and the kinds the school gave a limit), and those marked late. */
  controlWorks: z.number().int(),
  overdueControl: z.number().int(),
  /** Lessons given by another teacher with no substitution recorded by the administration. */
  unrecordedSubstitutions: z.number().int(),
  students: z.number().int(),
  noMarksPct: z.number().nullable(),
  oneMarkPct: z.number().nullable(),
  belowMin: z.number().int(),
  ktpHours: z.number().int().nullable(),
  curriculumHours: z.number().int().nullable(),
  /** Lessons the timetable gave up to the range's end, and those actually held. */
  scheduled: z.number().int(),
  given: z.number().int(),
});
export type ControlRow = z.infer<typeof controlRow>;

export const controlProblem = z.object({
  ...lessonLine,
  teacherName: z.string(),
  problems: z.array(z.string()),
});

/**
 * Teacher activity by week: entries each person made in the journals concerned (lesson topics, marks,
 * absences), by the week they were made in; and the weeks in which they gave lessons but entered nothing.
 */
export const controlActivity = z.object({
  /** Mondays of the weeks of the range. */
  weeks: z.array(isoDate),
  teachers: z.array(
    z.object({
      teacherName: z.string(),
      byWeek: z.array(z.number().int()),
      total: z.number().int(),
      silentWeeks: z.number().int(),
    }),
  ),
  /** Per week: how many teachers gave lessons in it but entered nothing. */
  silentByWeek: z.array(z.number().int()),
});

export const controlData = z.object({
  from: isoDate,
  to: isoDate,
  minMarks: z.number().int(),
  controlMarksDays: z.number().int(),
  /** Topic, homework, marks and absences are due on the lesson's day by this time, by the class's shift. */
  entryDeadline: z.object({ shift1: z.string(), shift2: z.string() }),
  rows: z.array(controlRow),
  teachers: z.array(
    z.object({
      teacherName: z.string(),
      lessons: z.number().int(),
      noTopic: z.number().int(),
      noHomework: z.number().int(),
      late: z.number().int(),
      lateEntries: z.number().int(),
      noAttendance: z.number().int(),
      notRussian: z.number().int(),
      overdueControl: z.number().int(),
      belowMin: z.number().int(),
    }),
  ),
  /** Classes whose class teacher left attendance weeks unconfirmed (weeks over, with lessons): their Mondays. */
  unconfirmedWeeks: z.array(
    z.object({
      classId: entityId,
      className: z.string(),
      classTeacherName: z.string().nullable(),
      weeks: z.array(isoDate),
    }),
  ),
  problems: z.array(controlProblem),
  /** More problem lessons than listed: the list is cut to keep the page readable. */
  problemsCut: z.number().int(),
  activity: controlActivity,
  /** Journals whose period marks were due before today (and by the range's end) and are still incomplete. */
  overduePeriodMarks: z.array(periodMarksDue.omit({ overdue: true }).extend({ teacherName: z.string() })),
});
export type ControlData = z.infer<typeof controlData>;

/** «Замены» for a month: one row per substituted lesson (one hour), and the hours of each substitute. */
export const substitutionsData = z.object({
  month: z.string(),
  rows: z.array(substitutionRow.omit({ id: true, recordedByName: true }).extend({ hours: z.number().int() })),
  substitutes: z.array(z.object({ substituteName: z.string(), hours: z.number().int() })),
  hours: z.number().int(),
});
export type SubstitutionsData = z.infer<typeof substitutionsData>;

export const forecastRow = z.object({
  studentId: entityId,
  name: z.string(),
  className: z.string(),
  assignmentId: entityId,
  subjectId: entityId,
  subjectName: z.string(),
  teacherName: z.string(),
  average: z.number().nullable(),
  /** Later marks' average minus earlier marks' (null with fewer than four marks): + rising, − falling. */
  trend: z.number().nullable(),
  markCount: z.number().int(),
  lessonsHeld: z.number().int(),
  lessonsMissed: z.number().int(),
  /** The student's lessons of every subject in the period so far, and those missed (not late arrivals). */
  lessonsAll: z.number().int(),
  missedAll: z.number().int(),
  expected: z.string().nullable(),
  risk: z.enum(['2', 'н/а']).nullable(),
  reasons: z.array(z.string()),
});
export type ForecastRow = z.infer<typeof forecastRow>;

export const forecastAccuracy = z.object({
  /** Periods of the school's history the forecast was replayed on (made at mid-period, compared with the mark given). */
  periods: z.number().int(),
  cases: z.number().int(),
  exactPct: z.number().nullable(),
  withinOnePct: z.number().nullable(),
  /** Of the period marks «2» given, how many the forecast had flagged at mid-period; and how many flags were right. */
  riskRecallPct: z.number().nullable(),
  riskPrecisionPct: z.number().nullable(),
  noForecast: z.number().int(),
});
export type ForecastAccuracy = z.infer<typeof forecastAccuracy>;

export const forecastData = z.object({
  termName: z.string(),
  asOf: isoDate,
  periodEnd: isoDate,
  subjects: z.array(z.object({ id: entityId, name: z.string() })),
  /** Every student × subject when one class is chosen; only those at risk for the school. */
  rows: z.array(forecastRow),
  atRisk: z.array(forecastRow),
  distribution: z.object({
    n5: z.number().int(),
    n4: z.number().int(),
    n3: z.number().int(),
    n2: z.number().int(),
    nNa: z.number().int(),
    none: z.number().int(),
  }),
  accuracy: forecastAccuracy.nullable(),
});
export type ForecastData = z.infer<typeof forecastData>;

export const fillData = z.object({
  date: isoDate,
  rows: z.array(
    z.object({
      classId: entityId,
      className: z.string(),
      classTeacher: z.string().nullable(),
      students: z.number().int(),
      boys: z.number().int(),
      girls: z.number().int(),
    }),
  ),
});
export type FillData = z.infer<typeof fillData>;

export const movementEntry = z.object({
  date: isoDate,
  name: z.string(),
  kind: z.string(), // прибыл / выбыл / переведён / зачислен, «… — приказ отменён»
  fromClass: z.string().nullable(),
  toClass: z.string().nullable(),
  order: z.string(),
  note: z.string().nullable(),
  /** Why the order was cancelled (null: in force): a cancelled order is listed, as in the register, but changed no list. */
  cancelReason: z.string().nullable(),
});
export type MovementEntry = z.infer<typeof movementEntry>;

export const movementData = z.object({
  yearName: z.string(),
  /** Per class over the year: on the roll at its start, arrived, left, on the roll at its end (or today). */
  classes: z.array(
    z.object({
      className: z.string(),
      atStart: z.number().int(),
      arrived: z.number().int(),
      left: z.number().int(),
      atEnd: z.number().int(),
    }),
  ),
  entries: z.array(movementEntry),
  /** The school over the years in the database: the dynamics. */
  years: z.array(
    z.object({
      yearName: z.string(),
      atStart: z.number().int(),
      arrived: z.number().int(),
      left: z.number().int(),
      atEnd: z.number().int(),
    }),
  ),
});
export type MovementData = z.infer<typeof movementData>;

export const outcomesData = z.object({
  yearName: z.string(),
  rows: z.array(
    z.object({
      studentId: entityId,
      name: z.string(),
      className: z.string(),
      outcome: z.string().nullable(),
      order: z.string().nullable(),
      /** Subjects with «2» or «н/а» for the year (академическая задолженность). */
      debts: z.array(z.string()),
    }),
  ),
});
export type OutcomesData = z.infer<typeof outcomesData>;

export const statementData = z.object({
  name: z.string(),
  className: z.string(),
  termName: z.string(),
  from: isoDate,
  to: isoDate,
  /** Whom the sheet is for, from the pupil card: names only, and only for those who may read the card. */
  parents: z.array(z.string()),
  subjects: z.array(
    z.object({
      subjectName: z.string(),
      marks: z.array(z.object({ date: isoDate, value: z.string() })),
      average: z.number().nullable(),
      periodMark: z.string().nullable(),
    }),
  ),
  attendance: z.object({
    lessons: z.number().int(),
    missed: z.number().int(),
    illness: z.number().int(),
    excused: z.number().int(),
    unexcused: z.number().int(),
    late: z.number().int(),
    daysMissed: z.number().int(),
  }),
});
export type StatementData = z.infer<typeof statementData>;

export const classTeacherData = z.object({
  className: z.string(),
  classTeacher: z.string().nullable(),
  termName: z.string(),
  from: isoDate,
  to: isoDate,
  progress: progressData,
  bySubject: progressData,
  attendance: z.array(attendanceStudentRow),
  movement: z.array(movementEntry),
});
export type ClassTeacherData = z.infer<typeof classTeacherData>;
