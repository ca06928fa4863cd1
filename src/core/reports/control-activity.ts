// Teacher activity by week, for the journal-filling control: how many entries each person made in the journals
// concerned, week by week (a lesson's topic, a mark, an absence — by when they were entered, not by the
// lesson's date), and the weeks in which a teacher gave lessons yet entered nothing.
import { addDays, mondayOf } from '../../shared/dates';
import type { ControlData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';

export interface ActivityEntry {
  userId: number;
  assignmentId: number;
  week: string;
  n: number;
}

/**
 * Entries made from `from` to `last` (both inclusive), grouped by person, journal and week. Marks and absences
 * are looked up through lessons of the 60 days before the range and after: an entry for an older lesson (a
 * late correction) is not counted — the audit log keeps those.
 */
export function activityFacts(db: Db, yearId: number, from: string, last: string) {
  const sql = db.$client;
  const end = addDays(last, 1);
  const oldest = addDays(from, -60);
  const week = (column: string) => `date(${column}, '-6 days', 'weekday 1')`;
  const entries = sql
    .prepare(
      `select userId, assignmentId, week, count(*) as n from (
         select l.given_by_id as userId, l.assignment_id as assignmentId, ${week('l.topic_entered_at')} as week
         from lessons l join assignments a on a.id = l.assignment_id
         where a.year_id = ? and l.date between ? and ? and l.topic_entered_at >= ? and l.topic_entered_at < ?
         union all
         select m.created_by, l.assignment_id, ${week('m.created_at')}
         from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id
         where a.year_id = ? and l.date between ? and ? and m.created_by is not null and m.created_at >= ? and m.created_at < ?
         union all
         select b.created_by, l.assignment_id, ${week('b.created_at')}
         from absences b join lessons l on l.id = b.lesson_id join assignments a on a.id = l.assignment_id
         where a.year_id = ? and l.date between ? and ? and b.created_by is not null and b.created_at >= ? and b.created_at < ?
       ) group by userId, assignmentId, week`,
    )
    .all(...[1, 2, 3].flatMap(() => [yearId, oldest, end, from, end])) as ActivityEntry[];
  const ids = [...new Set(entries.map((e) => e.userId))];
  const names = new Map(
    (ids.length === 0
      ? []
      : (sql
          .prepare(
            `select id, last_name || ' ' || substr(first_name, 1, 1) || '.' || coalesce(' ' || substr(middle_name, 1, 1) || '.', '') as name
             from users where id in (${ids.map(() => '?').join(',')})`,
          )
          .all(...ids) as Array<{ id: number; name: string }>)
    ).map((u) => [u.id, u.name]),
  );
  return { entries, names };
}
export type ActivityFacts = ReturnType<typeof activityFacts>;

/**
 * Rows of the activity table. `assignments` are the journals the report covers (with their teacher), `lessons`
 * the lessons held in the range: a teacher of those journals is listed even with no entry at all.
 */
export function teacherActivity(
  facts: ActivityFacts,
  assignments: ReadonlyArray<{ id: number; teacherId: number; teacherName: string }>,
  lessons: ReadonlyArray<{ assignmentId: number; date: string }>,
  from: string,
  last: string,
): ControlData['activity'] {
  const weeks: string[] = [];
  for (let w = mondayOf(from); w <= last; w = addDays(w, 7)) weeks.push(w);
  const column = new Map(weeks.map((w, i) => [w, i]));
  const included = new Map(assignments.map((a) => [a.id, a]));
  const people = new Map<number, { teacherName: string; byWeek: number[]; taught: Set<number> }>();
  const person = (id: number, name: string) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = { teacherName: name, byWeek: weeks.map(() => 0), taught: new Set() }));
    return p;
  };
  for (const a of assignments) person(a.teacherId, a.teacherName);
  for (const e of facts.entries) {
    const i = column.get(e.week);
    if (i === undefined || !included.has(e.assignmentId)) continue;
    const counts = person(e.userId, facts.names.get(e.userId) ?? `№ ${e.userId}`).byWeek;
    counts[i] = (counts[i] ?? 0) + e.n;
  }
  for (const l of lessons) {
    const a = included.get(l.assignmentId);
    const i = column.get(mondayOf(l.date));
    if (a && i !== undefined) person(a.teacherId, a.teacherName).taught.add(i);
  }
  const silent = (p: { byWeek: number[]; taught: Set<number> }) => [...p.taught].filter((i) => p.byWeek[i] === 0);
  const silentByWeek = weeks.map(() => 0);
  for (const p of people.values()) for (const i of silent(p)) silentByWeek[i] = (silentByWeek[i] ?? 0) + 1;
  return {
    weeks,
    silentByWeek,
    teachers: [...people.values()]
      .map((p) => ({
        teacherName: p.teacherName,
        byWeek: p.byWeek,
        total: p.byWeek.reduce((s, n) => s + n, 0),
        silentWeeks: silent(p).length,
      }))
      .sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'ru')),
  };
}
