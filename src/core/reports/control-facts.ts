// The rows the journal-filling control counts, fetched in a handful of grouped queries over the whole range
// (a school's quarter is tens of thousands of lessons: no query per lesson or per journal).
import type { Db } from '../db/open';
import { activityFacts } from './control-activity';
import { attendanceWeekFacts } from './control-weeks';

/** The school's limits the facts need to tell late entries in SQL (a quarter's marks never leave the database). */
export interface ControlLimits {
  controlMarksDays: number;
  deadline: { shift1: string; shift2: string };
}

export interface ControlAssignment {
  id: number;
  classId: number;
  className: string;
  grade: number;
  shift: number;
  subjectId: number;
  subjectName: string;
  subjectOrder: number;
  subgroupId: number | null;
  subgroupName: string | null;
  teacherId: number;
  teacherName: string;
  yearId: number;
}

export interface ControlLesson {
  id: number;
  assignmentId: number;
  date: string;
  topic: string | null;
  homework: string | null;
  topicEnteredAt: string | null;
  homeworkEnteredAt: string | null;
  status: 'planned' | 'held';
  /** The topic is the КТП's own, as the plan put it there (1) or the teacher changed it (0). */
  fromPlan: number;
  kindName: string;
  /** Days to mark every pupil present for this lesson's kind of work; null: no such limit. */
  markingDays: number | null;
  attendanceTakenAt: string | null;
  /** Looked up only where they tell something: a topic from the plan or put in ahead, a register not taken. */
  firstMarkAt: string | null;
  firstAbsenceAt: string | null;
  /** Who gave the lesson when it was not its teacher and no substitution was recorded for it. */
  unrecordedBy: string | null;
}

/** Marks and absences entered after their deadline on one lesson, and the latest of them in hours past it. */
export interface LateEntries {
  lessonId: number;
  marks: number;
  absences: number;
  hoursLate: number;
}

/** A lesson whose work has a marking limit: pupils present, those with a mark, those marked by the limit. */
export interface MarkingProgress {
  lessonId: number;
  present: number;
  marked: number;
  onTime: number;
  lastMarkAt: string | null;
}

/** SQL: the marking limit of the work kind `k`, in days, or null. */
const limitOf = (k: string) => `coalesce(${k}.marking_days, case when ${k}.is_control = 1 then @days end)`;
/** SQL: the end of the lesson's day for entries (17:00 or 21:00 by the class's shift). */
const dayDue = `l.date || ' ' || (case when c.shift = 2 then @shift2 else @shift1 end) || ':00'`;
/** SQL: the end of the last day of a marking limit of `days` days after the lesson (midnight after it). */
const limitDue = (days: string) => `date(l.date, '+' || (${days} + 1) || ' days') || ' 00:00:00'`;
/** SQL: the lesson's topic may have come from the КТП or been put in ahead: whether it was held matters. */
const planned = `(l.plan_topic_id is not null or l.topic_entered_at < l.date)`;
const inRange = `a.year_id = @year and l.date between @from and @last and l.status <> 'not_held'`;
const lessonJoins = `join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id`;

/**
 * Late entries: a mark is due on the lesson's day, or by the end of its kind's marking limit; an absence on the
 * lesson's day. Marks of a lesson whose own work has a marking limit are left to `markingProgress`.
 */
function lateEntries(db: Db, params: Record<string, string | number>) {
  const markDue = `case when ${limitOf('mk')} is null then ${dayDue} else ${limitDue(limitOf('mk'))} end`;
  return db.$client
    .prepare(
      `select lessonId, sum(isMark) as marks, sum(1 - isMark) as absences,
              max((julianday(at) - julianday(due)) * 24) as hoursLate from (
         select l.id as lessonId, 1 as isMark, m.created_at as at, ${markDue} as due
         from marks m join lessons l on l.id = m.lesson_id ${lessonJoins} join work_kinds lk on lk.id = l.work_kind_id join work_kinds mk on mk.id = m.work_kind_id
         where ${inRange} and ${limitOf('lk')} is null
         union all
         select l.id, 0, b.created_at, ${dayDue}
         from absences b join lessons l on l.id = b.lesson_id ${lessonJoins} where ${inRange}
       ) where at > due group by lessonId`,
    )
    .all(params) as LateEntries[];
}

/** Pupils present (on the roll of the class or subgroup that day, not away: «оп» is present) and their marks. */
function markingProgress(db: Db, params: Record<string, string | number>) {
  const roster = (table: string, key: string) =>
    `select l.id as lessonId, m.id as markId, m.created_at as markedAt,
            ${limitDue(limitOf('k'))} as due
     from lessons l ${lessonJoins} join work_kinds k on k.id = l.work_kind_id
     join ${table} r on r.${key} and r.start_date <= l.date and (r.end_date is null or r.end_date >= l.date)
     left join marks m on m.lesson_id = l.id and m.student_id = r.student_id
     where ${inRange} and ${limitOf('k')} is not null
       and not exists (select 1 from absences b where b.lesson_id = l.id and b.student_id = r.student_id and b.code <> 'оп')`;
  return db.$client
    .prepare(
      `select lessonId, count(*) as present, count(markId) as marked,
              sum(case when markedAt < due then 1 else 0 end) as onTime, max(markedAt) as lastMarkAt
       from (${roster('class_enrollments', 'class_id = a.class_id and a.subgroup_id is null')}
             union all ${roster('subgroup_members', 'subgroup_id = a.subgroup_id')})
       group by lessonId`,
    )
    .all(params) as MarkingProgress[];
}

export function controlFacts(db: Db, yearId: number, from: string, last: string, to: string, limits: ControlLimits) {
  const sql = db.$client;
  const params = {
    year: yearId,
    from,
    last,
    days: limits.controlMarksDays,
    shift1: limits.deadline.shift1,
    shift2: limits.deadline.shift2,
  };
  const assignments = sql
    .prepare(
      `select a.id, a.class_id as classId, c.grade || c.letter as className, c.grade, c.shift, a.subject_id as subjectId,
              s.name as subjectName, s.sort_order as subjectOrder, a.subgroup_id as subgroupId, g.name as subgroupName,
              a.teacher_id as teacherId,
              u.last_name || ' ' || substr(u.first_name, 1, 1) || '.' || coalesce(' ' || substr(u.middle_name, 1, 1) || '.', '') as teacherName,
              a.year_id as yearId
       from assignments a join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
       join users u on u.id = a.teacher_id left join subgroups g on g.id = a.subgroup_id
       where a.year_id = ?`,
    )
    .all(yearId) as ControlAssignment[];
  const lessons = sql
    .prepare(
      `select l.id, l.assignment_id as assignmentId, l.date, l.topic, l.homework, l.topic_entered_at as topicEnteredAt,
              l.homework_entered_at as homeworkEnteredAt, l.status, k.name as kindName,
              (l.plan_topic_id is not null and l.topic = (select t.title from thematic_plan_topics t where t.id = l.plan_topic_id)) as fromPlan,
              ${limitOf('k')} as markingDays, l.attendance_taken_at as attendanceTakenAt,
              case when ${planned} then (select min(m.created_at) from marks m where m.lesson_id = l.id) end as firstMarkAt,
              case when ${planned} or l.attendance_taken_at is null
                then (select min(b.created_at) from absences b where b.lesson_id = l.id) end as firstAbsenceAt,
              case when l.given_by_id <> a.teacher_id and not exists (select 1 from substitutions s where s.lesson_id = l.id)
                then (select g.last_name || ' ' || substr(g.first_name, 1, 1) || '.' || coalesce(' ' || substr(g.middle_name, 1, 1) || '.', '')
                      from users g where g.id = l.given_by_id) end as unrecordedBy
       from lessons l ${lessonJoins} join work_kinds k on k.id = l.work_kind_id
       where ${inRange}`,
    )
    .all(params) as ControlLesson[];
  const markCounts = sql
    .prepare(
      `select l.assignment_id as assignmentId, m.student_id as studentId, count(*) as n
       from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id
       where a.year_id = ? and l.date between ? and ? group by l.assignment_id, m.student_id`,
    )
    .all(yearId, from, last) as Array<{ assignmentId: number; studentId: number; n: number }>;
  const hours = sql
    .prepare(
      `select l.assignment_id as assignmentId, count(*) as scheduled,
              sum(case when l.status <> 'not_held' and l.date <= ? then 1 else 0 end) as given
       from lessons l join assignments a on a.id = l.assignment_id where a.year_id = ? and l.date <= ? group by l.assignment_id`,
    )
    .all(last, yearId, to) as Array<{ assignmentId: number; scheduled: number; given: number }>;
  const plans = sql
    .prepare(
      `select p.assignment_id as assignmentId, sum(t.hours) as hours from thematic_plans p
       join thematic_plan_topics t on t.plan_id = p.id join assignments a on a.id = p.assignment_id where a.year_id = ? group by p.assignment_id`,
    )
    .all(yearId) as Array<{ assignmentId: number; hours: number }>;
  const curriculum = sql
    .prepare('select grade, subject_id as subjectId, hours_per_year as hours from curriculum where year_id = ?')
    .all(yearId) as Array<{ grade: number; subjectId: number; hours: number }>;
  const enrolled = sql
    .prepare(
      `select e.class_id as classId, e.student_id as studentId from class_enrollments e join classes c on c.id = e.class_id
       where c.year_id = ? and e.start_date <= ? and (e.end_date is null or e.end_date >= ?)`,
    )
    .all(yearId, last, from) as Array<{ classId: number; studentId: number }>;
  const grouped = sql
    .prepare(
      `select m.subgroup_id as subgroupId, m.student_id as studentId from subgroup_members m join subgroups g on g.id = m.subgroup_id
       join classes c on c.id = g.class_id where c.year_id = ? and m.start_date <= ? and (m.end_date is null or m.end_date >= ?)`,
    )
    .all(yearId, last, from) as Array<{ subgroupId: number; studentId: number }>;
  return {
    assignments,
    lessons,
    markCounts,
    hours,
    plans,
    curriculum,
    enrolled,
    grouped,
    lateEntries: lateEntries(db, params),
    marking: markingProgress(db, params),
    attendanceWeeks: attendanceWeekFacts(db, yearId, from, last),
    activity: activityFacts(db, yearId, from, last),
  };
}
export type ControlFacts = ReturnType<typeof controlFacts>;
