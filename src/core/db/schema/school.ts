import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './common';
import { users } from './auth';

export const schoolYears = sqliteTable('school_years', {
  id: id(),
  name: text('name').notNull().unique(), // «2025/2026»
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
});

/** A grade follows one scheme per year: quarters (1–9), half-years (10–11) or trimesters. */
export const gradePeriodSchemes = sqliteTable(
  'grade_period_schemes',
  {
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    grade: integer('grade').notNull(),
    scheme: text('scheme', { enum: ['quarters', 'trimesters', 'half_years'] }).notNull(),
  },
  (t) => [uniqueIndex('grade_period_schemes_year_grade').on(t.yearId, t.grade)],
);

export const periods = sqliteTable(
  'periods',
  {
    id: id(),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    scheme: text('scheme', { enum: ['quarters', 'trimesters', 'half_years'] }).notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(), // «1 четверть»
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** Last day for the teacher to set period marks (a school rule). */
    marksDueDate: text('marks_due_date'),
  },
  (t) => [uniqueIndex('periods_year_scheme_number').on(t.yearId, t.scheme, t.number)],
);

export const holidays = sqliteTable('holidays', {
  id: id(),
  yearId: integer('year_id')
    .notNull()
    .references(() => schoolYears.id),
  name: text('name').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  /** Null: all grades; otherwise only this grade (the extra February week of the 1st grade). */
  grade: integer('grade'),
});

export const classes = sqliteTable(
  'classes',
  {
    id: id(),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    grade: integer('grade').notNull(),
    letter: text('letter').notNull(),
    shift: integer('shift').notNull().default(1),
    classTeacherId: integer('class_teacher_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('classes_year_grade_letter').on(t.yearId, t.grade, t.letter),
    check('classes_grade_range', sql`${t.grade} between 1 and 11`),
  ],
);

export const students = sqliteTable('students', {
  id: id(),
  lastName: text('last_name').notNull(),
  firstName: text('first_name').notNull(),
  middleName: text('middle_name'),
  birthDate: text('birth_date'),
  gender: text('gender', { enum: ['m', 'f'] }),
  personalFileNo: text('personal_file_no'), // № личного дела
  /** Домашний адрес, as the pupil card keeps it. */
  address: text('address'),
  createdAt: createdAt(),
});

/** Parents or guardians of a student, in the card's order; `phones` is a JSON array of «+7 912 345-67-89». */
export const studentParents = sqliteTable(
  'student_parents',
  {
    id: id(),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id),
    position: integer('position').notNull(),
    fullName: text('full_name').notNull(),
    relation: text('relation').notNull(),
    phones: text('phones').notNull().default('[]'),
  },
  (t) => [index('student_parents_student').on(t.studentId)],
);

/** Which class a student belongs to, from when to when: derived from movement orders, kept for history. */
export const classEnrollments = sqliteTable(
  'class_enrollments',
  {
    id: id(),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'), // inclusive last day; null while still in the class
  },
  (t) => [index('class_enrollments_class').on(t.classId), index('class_enrollments_student').on(t.studentId)],
);

/** Прибыл / выбыл / переведён — each by a director's order. */
export const studentMovements = sqliteTable(
  'student_movements',
  {
    id: id(),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id),
    kind: text('kind', { enum: ['enrolled', 'arrived', 'left', 'transferred'] }).notNull(),
    date: text('date').notNull(),
    fromClassId: integer('from_class_id').references(() => classes.id),
    toClassId: integer('to_class_id').references(() => classes.id),
    orderNumber: text('order_number').notNull(),
    orderDate: text('order_date').notNull(),
    /** Where from or where to, for arrivals and departures (another school, another town). */
    note: text('note'),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('student_movements_student').on(t.studentId), index('student_movements_date').on(t.date)],
);

/** The year's outcome per student: переведён, оставлен, условно переведён, выпущен. */
export const yearOutcomes = sqliteTable(
  'year_outcomes',
  {
    id: id(),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    outcome: text('outcome', { enum: ['promoted', 'retained', 'conditional', 'graduated'] }).notNull(),
    orderNumber: text('order_number'),
    orderDate: text('order_date'),
  },
  (t) => [uniqueIndex('year_outcomes_student_year').on(t.studentId, t.yearId)],
);

export const subjects = sqliteTable('subjects', {
  id: id(),
  name: text('name').notNull().unique(),
  shortName: text('short_name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Учебный план: hours per week of a subject in a grade, and whether the class is split into subgroups for it. */
export const curriculum = sqliteTable(
  'curriculum',
  {
    id: id(),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    grade: integer('grade').notNull(),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    hoursPerWeek: integer('hours_per_week').notNull(),
    hoursPerYear: integer('hours_per_year').notNull(),
    splitIntoSubgroups: integer('split_into_subgroups', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('curriculum_year_grade_subject').on(t.yearId, t.grade, t.subjectId)],
);

export const subgroups = sqliteTable('subgroups', {
  id: id(),
  classId: integer('class_id')
    .notNull()
    .references(() => classes.id),
  subjectId: integer('subject_id')
    .notNull()
    .references(() => subjects.id),
  name: text('name').notNull(), // «1 группа»
});

export const subgroupMembers = sqliteTable(
  'subgroup_members',
  {
    id: id(),
    subgroupId: integer('subgroup_id')
      .notNull()
      .references(() => subgroups.id),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    orderNumber: text('order_number'),
  },
  (t) => [index('subgroup_members_subgroup').on(t.subgroupId)],
);

/** Нагрузка: teacher × class (or one of its subgroups) × subject × year. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: id(),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    teacherId: integer('teacher_id')
      .notNull()
      .references(() => users.id),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    subgroupId: integer('subgroup_id').references(() => subgroups.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id),
    hoursPerWeek: integer('hours_per_week').notNull(),
  },
  (t) => [index('assignments_teacher').on(t.teacherId), index('assignments_class').on(t.classId)],
);

export const bellTimes = sqliteTable(
  'bell_times',
  {
    shift: integer('shift').notNull(),
    number: integer('number').notNull(),
    startTime: text('start_time').notNull(), // «08:30»
    endTime: text('end_time').notNull(),
  },
  (t) => [uniqueIndex('bell_times_shift_number').on(t.shift, t.number)],
);

/** Расписание: weekday × lesson number → assignment, valid for a range of dates. */
export const timetable = sqliteTable(
  'timetable',
  {
    id: id(),
    yearId: integer('year_id')
      .notNull()
      .references(() => schoolYears.id),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    weekday: integer('weekday').notNull(), // 1 = Monday … 6 = Saturday
    lessonNumber: integer('lesson_number').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    room: text('room'),
  },
  (t) => [index('timetable_assignment').on(t.assignmentId)],
);
