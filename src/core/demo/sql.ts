// Raw prepared inserts: the demo writes hundreds of thousands of rows, far too many for the query builder.
import type Database from 'better-sqlite3';

type Value = string | number | null;
export type Insert = (...values: Value[]) => number;

function inserter(db: Database.Database, table: string, columns: string): Insert {
  const list = columns.split(' ');
  const stmt = db.prepare(`insert into ${table} (${list.join(', ')}) values (${list.map(() => '?').join(', ')})`);
  return (...values) => Number(stmt.run(...values).lastInsertRowid);
}

export function writers(db: Database.Database) {
  const w = (table: string, columns: string) => inserter(db, table, columns);
  return {
    setting: w('settings', 'key value'),
    user: w('users', 'login password_hash last_name first_name middle_name is_active must_change_password created_at'),
    role: w('user_roles', 'user_id role'),
    year: w('school_years', 'name start_date end_date is_current'),
    scheme: w('grade_period_schemes', 'year_id grade scheme'),
    period: w('periods', 'year_id scheme number name start_date end_date marks_due_date'),
    holiday: w('holidays', 'year_id name start_date end_date grade'),
    subject: w('subjects', 'name short_name sort_order'),
    workKind: w('work_kinds', 'code name short_name weight is_control color sort_order'),
    bell: w('bell_times', 'shift number start_time end_time'),
    curriculum: w('curriculum', 'year_id grade subject_id hours_per_week hours_per_year split_into_subgroups'),
    klass: w('classes', 'year_id grade letter shift class_teacher_id'),
    student: w('students', 'last_name first_name middle_name birth_date gender personal_file_no created_at'),
    enrollment: w('class_enrollments', 'student_id class_id start_date end_date'),
    movement: w(
      'student_movements',
      'student_id kind date from_class_id to_class_id order_number order_date note created_at created_by',
    ),
    outcome: w('year_outcomes', 'student_id year_id outcome order_number order_date'),
    subgroup: w('subgroups', 'class_id subject_id name'),
    member: w('subgroup_members', 'subgroup_id student_id start_date end_date order_number'),
    assignment: w('assignments', 'year_id teacher_id class_id subgroup_id subject_id hours_per_week'),
    timetable: w('timetable', 'year_id assignment_id weekday lesson_number valid_from valid_to room'),
    plan: w('thematic_plans', 'assignment_id created_at'),
    topic: w('thematic_plan_topics', 'plan_id position section title hours work_kind_id'),
    lesson: w(
      'lessons',
      'assignment_id date lesson_number topic homework work_kind_id plan_topic_id given_by_id status topic_entered_at homework_entered_at attendance_taken_at created_at',
    ),
    mark: w('marks', 'lesson_id student_id value1 value2 work_kind_id created_at created_by'),
    absence: w('absences', 'lesson_id student_id code created_at created_by'),
    periodMark: w(
      'period_marks',
      'student_id subject_id year_id kind period_id value assignment_id created_at created_by',
    ),
    attendanceCheck: w('attendance_checks', 'class_id week_start checked_by checked_at note'),
    remark: w('inspection_remarks', 'class_id assignment_id date author_id text response resolved_at'),
  };
}

export type Writers = ReturnType<typeof writers>;
