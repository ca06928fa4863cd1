import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './common';
import { users } from './auth';
import { assignments, classes, periods, schoolYears, students, subjects } from './school';

/** Вид работы: ответ на уроке, самостоятельная, контрольная … with the school's weight. */
export const workKinds = sqliteTable('work_kinds', {
  id: id(),
  code: text('code').notNull().unique(), // 'lesson', 'control', …
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  weight: real('weight').notNull().default(1),
  /** Control, laboratory and practical works: «н/а» is not accepted as a current mark, topic must be named. */
  isControl: integer('is_control', { mode: 'boolean' }).notNull().default(false),
  color: text('color').notNull().default('#000000'),
  /**
   * Days after the lesson by which every pupil present must have a mark for a work of this kind (the school
   * chooses which kinds: «Проверочная», «Диктант» …). Null: a control kind takes the school's
   * `journal.controlMarksDays`, any other kind is marked on the lesson's day.
   */
  markingDays: integer('marking_days'),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const thematicPlans = sqliteTable('thematic_plans', {
  id: id(),
  assignmentId: integer('assignment_id')
    .notNull()
    .unique()
    .references(() => assignments.id),
  createdAt: createdAt(),
});

export const thematicPlanTopics = sqliteTable(
  'thematic_plan_topics',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => thematicPlans.id),
    position: integer('position').notNull(),
    section: text('section'),
    title: text('title').notNull(),
    hours: integer('hours').notNull().default(1),
    workKindId: integer('work_kind_id').references(() => workKinds.id),
    /** The homework the plan sets with this topic: proposed when the topic is taken for a lesson. */
    homework: text('homework'),
  },
  (t) => [uniqueIndex('thematic_plan_topics_plan_position').on(t.planId, t.position)],
);

export const lessons = sqliteTable(
  'lessons',
  {
    id: id(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    date: text('date').notNull(),
    lessonNumber: integer('lesson_number').notNull(),
    topic: text('topic'),
    homework: text('homework'),
    workKindId: integer('work_kind_id')
      .notNull()
      .references(() => workKinds.id),
    planTopicId: integer('plan_topic_id').references(() => thematicPlanTopics.id),
    /** The teacher who actually gave the lesson: differs from the assignment's teacher on a substitution. */
    givenById: integer('given_by_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['planned', 'held', 'not_held'] })
      .notNull()
      .default('planned'),
    /** When topic and homework were first entered: the control report flags late entries. */
    topicEnteredAt: text('topic_entered_at'),
    homeworkEnteredAt: text('homework_entered_at'),
    /** When the teacher recorded attendance (an absence entered, or «все присутствуют»): «Мой день» asks until then. */
    attendanceTakenAt: text('attendance_taken_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('lessons_assignment_date').on(t.assignmentId, t.date),
    index('lessons_date').on(t.date),
    index('lessons_given_by').on(t.givenById),
  ],
);

/** Who entered a value and who last changed it (the audit log keeps every step in between). */
const authorship = () => ({
  createdAt: createdAt(),
  createdBy: integer('created_by').references(() => users.id),
  updatedAt: text('updated_at'),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** A cell of the journal: one student on one lesson. */
const cellKey = () => ({
  lessonId: integer('lesson_id')
    .notNull()
    .references(() => lessons.id),
  studentId: integer('student_id')
    .notNull()
    .references(() => students.id),
});

const markValues = sql`('1','2','3','4','5','н/а')`;

/** One cell: up to two marks («5/4» for a dictation), of one work kind. */
export const marks = sqliteTable(
  'marks',
  {
    id: id(),
    ...cellKey(),
    value1: text('value1').notNull(),
    value2: text('value2'),
    workKindId: integer('work_kind_id')
      .notNull()
      .references(() => workKinds.id),
    ...authorship(),
  },
  (t) => [
    uniqueIndex('marks_lesson_student').on(t.lessonId, t.studentId),
    index('marks_student').on(t.studentId),
    check('marks_value1', sql`${t.value1} in ${markValues}`),
    check('marks_value2', sql`${t.value2} is null or ${t.value2} in ${markValues}`),
  ],
);

export const absences = sqliteTable(
  'absences',
  {
    id: id(),
    ...cellKey(),
    code: text('code', { enum: ['н', 'б', 'у', 'оп'] }).notNull(),
    ...authorship(),
  },
  (t) => [
    uniqueIndex('absences_lesson_student').on(t.lessonId, t.studentId),
    index('absences_student').on(t.studentId),
    check('absences_code', sql`${t.code} in ('н','б','у','оп')`),
  ],
);

/** Итоговые отметки: for a period, the year, the exam and the final mark. */
export const periodMarks = sqliteTable(
  'period_marks',
  {
    id: id(),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    kind: text('kind', { enum: ['period', 'year', 'exam', 'final'] }).notNull(),
    /** Set for kind 'period' only. */
    periodId: integer('period_id').references(() => periods.id),
    value: text('value').notNull(),
    /** The assignment (and so the teacher) under which the mark was set. */
    assignmentId: integer('assignment_id').references(() => assignments.id),
    ...authorship(),
  },
  (t) => [
    // The unique key over (student, subject, year, kind, coalesce(period, 0)) is an expression index that
    // drizzle-kit cannot express: it lives in migrations/0001_constraints.sql.
    index('period_marks_student').on(t.studentId),
    check('period_marks_value', sql`${t.value} in ('1','2','3','4','5','н/а','зач','незач','осв')`),
  ],
);

/** A closed period: edits need an unlock or a correction with a written reason. */
export const periodLocks = sqliteTable('period_locks', {
  id: id(),
  periodId: integer('period_id')
    .notNull()
    .references(() => periods.id),
  /** Null: the whole school. */
  classId: integer('class_id').references(() => classes.id),
  lockedAt: text('locked_at').notNull(),
  lockedBy: integer('locked_by')
    .notNull()
    .references(() => users.id),
  unlockedAt: text('unlocked_at'),
  unlockedBy: integer('unlocked_by').references(() => users.id),
  unlockReason: text('unlock_reason'),
});

/** The class teacher's weekly check of attendance. */
export const attendanceChecks = sqliteTable(
  'attendance_checks',
  {
    id: id(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    weekStart: text('week_start').notNull(),
    checkedBy: integer('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: text('checked_at').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('attendance_checks_class_week').on(t.classId, t.weekStart)],
);

/** Замечания по ведению журнала: the deputy's remarks and the teacher's answer. */
export const inspectionRemarks = sqliteTable('inspection_remarks', {
  id: id(),
  classId: integer('class_id')
    .notNull()
    .references(() => classes.id),
  assignmentId: integer('assignment_id').references(() => assignments.id),
  date: text('date').notNull(),
  authorId: integer('author_id')
    .notNull()
    .references(() => users.id),
  text: text('text').notNull(),
  response: text('response'),
  /** The deputy confirmed the fix: the remark is closed. */
  resolvedAt: text('resolved_at'),
  resolvedBy: integer('resolved_by').references(() => users.id),
  /** The date by which the teacher is to fix it. */
  fixBy: text('fix_by'),
  /** The teacher marked it done (cleared again when the deputy reopens it). */
  doneAt: text('done_at'),
  doneBy: integer('done_by').references(() => users.id),
  /** The saved check it was written from, if any. */
  checkId: integer('check_id').references(() => journalChecks.id),
  createdAt: text('created_at'),
});

/** A saved «Проверка журналов»: the control report as it stood on the day, with who checked. */
export const journalChecks = sqliteTable('journal_checks', {
  id: id(),
  date: text('date').notNull(),
  from: text('from_date').notNull(),
  to: text('to_date').notNull(),
  classId: integer('class_id').references(() => classes.id),
  checkedBy: integer('checked_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull(),
  title: text('title').notNull(),
  subtitle: text('subtitle').notNull(),
  /** The report's tables (report-table.ts), JSON: what the check found, as it was shown. */
  tables: text('tables').notNull(),
  /** Lines with faults, for the list of checks. */
  findings: integer('findings').notNull(),
});
