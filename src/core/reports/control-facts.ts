// The rows the journal-filling control counts, fetched in a handful of grouped queries over the whole range
// (a school's quarter is tens of thousands of lessons: no query per lesson or per journal).
import type { Db } from '../db/open';
import { activityFacts } from './control-activity';

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
  isControl: number;
  firstMarkAt: string | null;
  /** Who gave the lesson when it was not its teacher and no substitution was recorded for it. */
  unrecordedBy: string | null;
}

export function controlFacts(db: Db, yearId: number, from: string, last: string, to: string) {
  const sql = db.$client;
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
              l.homework_entered_at as homeworkEnteredAt, k.is_control as isControl,
              case when k.is_control = 1 then (select min(m.created_at) from marks m where m.lesson_id = l.id) end as firstMarkAt,
              case when l.given_by_id <> a.teacher_id and not exists (select 1 from substitutions s where s.lesson_id = l.id)
                then (select g.last_name || ' ' || substr(g.first_name, 1, 1) || '.' || coalesce(' ' || substr(g.middle_name, 1, 1) || '.', '')
                      from users g where g.id = l.given_by_id) end as unrecordedBy
       from lessons l join assignments a on a.id = l.assignment_id join work_kinds k on k.id = l.work_kind_id
       where a.year_id = ? and l.date between ? and ? and l.status <> 'not_held'`,
    )
    .all(yearId, from, last) as ControlLesson[];
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
    activity: activityFacts(db, yearId, from, last),
  };
}
export type ControlFacts = ReturnType<typeof controlFacts>;
