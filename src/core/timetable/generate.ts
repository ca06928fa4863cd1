// Lessons from the timetable. From a date on, a class's journal is made to match its timetable: missing
// lessons are created, lessons the timetable no longer has are removed — but only while nothing was written
// in them. A lesson with marks, absences, a topic, homework, attendance taken, a status or a substitute is
// kept where it is and reported, so the admin sees what to move or cancel by hand. A topic the КТП put on a
// lesson in advance is the plan, not an entry: such lessons move with the timetable and the plan's topics
// are distributed again over the new lessons.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { iso, weekday } from '../../shared/dates';
import type { Db } from '../db/open';
import { assignments } from '../db/schema';
import { assignTopics } from '../journal/plans/assign';
import { classDays, type ClassRow } from './calendar';

export interface KeptLesson {
  lessonId: number;
  date: string;
  lessonNumber: number;
  className: string;
  subjectName: string;
  subgroupName: string | null;
  /** What the lesson holds, in Russian: «отметки», «пропуски», «тема» … */
  holds: string[];
}

export interface Regeneration {
  created: number;
  removed: number;
  kept: KeptLesson[];
}

interface Existing {
  id: number;
  assignmentId: number;
  date: string;
  lessonNumber: number;
  topic: string | null;
  homework: string | null;
  status: string;
  attendanceTakenAt: string | null;
  planTopicId: number | null;
  planTitle: string | null;
  givenById: number;
  teacherId: number;
  subjectName: string;
  subgroupName: string | null;
  hasMarks: number;
  hasAbsences: number;
}

/** The topic is the КТП's, as the plan's distribution put it there. */
const planned = (l: Existing) => l.planTopicId !== null && l.topic === l.planTitle;

function holdings(l: Existing): string[] {
  const holds: string[] = [];
  if (l.hasMarks) holds.push('отметки');
  if (l.hasAbsences) holds.push('пропуски');
  if (l.topic && !planned(l)) holds.push('тема');
  if (l.homework) holds.push('домашнее задание');
  if (l.attendanceTakenAt) holds.push('посещаемость');
  if (l.status === 'held') holds.push('урок проведён');
  if (l.status === 'not_held') holds.push('урок не проведён');
  if (l.givenById !== l.teacherId) holds.push('замена');
  return holds;
}

/** The work kind a generated lesson starts with: «ответ на уроке» when the school has it, else its first kind. */
export function defaultWorkKind(db: Db): number {
  const row = db.$client
    .prepare("select id from work_kinds order by code = 'lesson' desc, sort_order, id limit 1")
    .get() as { id: number } | undefined;
  if (!row)
    throw new AppError(
      'validation',
      'В школе не заданы виды работ: добавьте их в «Виды работ», потом создавайте уроки',
    );
  return row.id;
}

/**
 * Makes the class's lessons on and after `from` match its timetable. Call inside a transaction; raw
 * statements because a whole school's year is tens of thousands of rows.
 */
export function regenerateClass(db: Db, cls: ClassRow, from: string, workKindId: number, now: string): Regeneration {
  const c = db.$client;
  const rows = c
    .prepare(
      `select t.assignment_id as assignmentId, t.weekday, t.lesson_number as lessonNumber, t.valid_from as validFrom, t.valid_to as validTo, a.teacher_id as teacherId
       from timetable t join assignments a on a.id = t.assignment_id where a.class_id = ?`,
    )
    .all(cls.id) as {
    assignmentId: number;
    weekday: number;
    lessonNumber: number;
    validFrom: string;
    validTo: string | null;
    teacherId: number;
  }[];
  const byWeekday = new Map<number, typeof rows>();
  for (const r of rows) byWeekday.set(r.weekday, [...(byWeekday.get(r.weekday) ?? []), r]);

  const wanted = new Map<string, { assignmentId: number; date: string; lessonNumber: number; teacherId: number }>();
  for (const d of classDays(db, cls)) {
    const date = iso(d);
    if (date < from) continue;
    for (const r of byWeekday.get(weekday(d)) ?? []) {
      if (r.validFrom > date || (r.validTo !== null && r.validTo < date)) continue;
      wanted.set(`${r.assignmentId}|${date}|${r.lessonNumber}`, {
        assignmentId: r.assignmentId,
        date,
        lessonNumber: r.lessonNumber,
        teacherId: r.teacherId,
      });
    }
  }

  const existing = c
    .prepare(
      `select l.id, l.assignment_id as assignmentId, l.date, l.lesson_number as lessonNumber, l.topic, l.homework, l.status,
              l.attendance_taken_at as attendanceTakenAt, l.plan_topic_id as planTopicId, l.given_by_id as givenById,
              pt.title as planTitle, a.teacher_id as teacherId, s.name as subjectName, g.name as subgroupName,
              exists(select 1 from marks m where m.lesson_id = l.id) as hasMarks,
              exists(select 1 from absences b where b.lesson_id = l.id) as hasAbsences
       from lessons l join assignments a on a.id = l.assignment_id join subjects s on s.id = a.subject_id
       left join subgroups g on g.id = a.subgroup_id left join thematic_plan_topics pt on pt.id = l.plan_topic_id
       where a.class_id = ? and l.date >= ? order by l.date, l.lesson_number, l.id`,
    )
    .all(cls.id, from) as Existing[];

  const remove = c.prepare('delete from lessons where id = ?');
  const result: Regeneration = { created: 0, removed: 0, kept: [] };
  const replan = new Set<number>();
  for (const l of existing) {
    const key = `${l.assignmentId}|${l.date}|${l.lessonNumber}`;
    if (wanted.delete(key)) continue;
    const holds = holdings(l);
    if (holds.length === 0) {
      remove.run(l.id);
      result.removed++;
      if (l.planTopicId !== null) replan.add(l.assignmentId);
    } else {
      result.kept.push({
        lessonId: l.id,
        date: l.date,
        lessonNumber: l.lessonNumber,
        className: `${cls.grade}${cls.letter}`,
        subjectName: l.subjectName,
        subgroupName: l.subgroupName,
        holds,
      });
    }
  }
  const insert = c.prepare(
    "insert into lessons (assignment_id, date, lesson_number, work_kind_id, given_by_id, status) values (?, ?, ?, ?, ?, 'planned')",
  );
  for (const w of wanted.values()) {
    insert.run(w.assignmentId, w.date, w.lessonNumber, workKindId, w.teacherId);
    result.created++;
  }
  for (const id of replan) {
    const a = db.select().from(assignments).where(eq(assignments.id, id)).get();
    if (a) assignTopics(db, { ...a, grade: cls.grade }, from, now);
  }
  return result;
}
