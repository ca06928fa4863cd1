// Before a year is closed every period and year mark must be set: for each journal (a class's or a subgroup's)
// and each of its grade's periods, the students on its list at the period's end without a period mark, and at
// the year's end without a year mark. The 1st grade has no marks (DOMAIN.md, rule 1).
import { className, fullName, shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { membersDuring } from '../journal/membership';

export interface MarkGap {
  assignmentId: number;
  /** Null: the year mark. */
  periodId: number | null;
  className: string;
  subjectName: string;
  subgroupName: string | null;
  teacherName: string;
  periodName: string;
  students: string[];
}

interface Journal {
  id: number;
  classId: number;
  subgroupId: number | null;
  subjectId: number;
  grade: number;
  letter: string;
  subjectName: string;
  subgroupName: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  sortOrder: number;
}

export function markGaps(db: Db, year: { id: number; endDate: string }): MarkGap[] {
  const journals = db.$client
    .prepare(
      `select a.id, a.class_id as classId, a.subgroup_id as subgroupId, a.subject_id as subjectId, c.grade, c.letter, s.name as subjectName, g.name as subgroupName,
              u.last_name as lastName, u.first_name as firstName, u.middle_name as middleName, s.sort_order as sortOrder
       from assignments a join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id join users u on u.id = a.teacher_id
       left join subgroups g on g.id = a.subgroup_id
       where a.year_id = ? and c.grade > 1 order by c.grade, c.letter, s.sort_order, g.name`,
    )
    .all(year.id) as Journal[];
  const periodsOf = db.$client.prepare(
    `select p.id, p.name, p.start_date as startDate, p.end_date as endDate from periods p join grade_period_schemes g on g.year_id = p.year_id and g.scheme = p.scheme
     where p.year_id = ? and g.grade = ? order by p.number`,
  );
  const marked = db.$client.prepare(`select student_id as id, kind, period_id as periodId from period_marks where year_id = ? and subject_id = ? and kind in ('period', 'year')`);
  const names = new Map<number, string>();
  const nameOf = db.$client.prepare('select last_name as lastName, first_name as firstName, middle_name as middleName from students where id = ?');
  const studentName = (id: number) => {
    if (!names.has(id)) names.set(id, fullName(nameOf.get(id) as { lastName: string; firstName: string; middleName: string | null }));
    return names.get(id)!;
  };
  const gaps: MarkGap[] = [];
  for (const j of journals) {
    const periods = periodsOf.all(year.id, j.grade) as Array<{ id: number; name: string; startDate: string; endDate: string }>;
    const have = new Set((marked.all(year.id, j.subjectId) as Array<{ id: number; kind: string; periodId: number | null }>).map((m) => `${m.id}:${m.kind}:${m.periodId ?? ''}`));
    const terms = [...periods.map((p) => ({ periodId: p.id as number | null, name: p.name, start: p.startDate, end: p.endDate })), { periodId: null, name: 'год', start: periods[0]?.startDate ?? year.endDate, end: year.endDate }];
    for (const term of terms) {
      // On the journal's list at the term's end: those who left before it are not marked here.
      // A subgroup's list is also cut by the class's: a member who left the class owes no mark.
      const inClass = new Set(membersDuring(db, { classId: j.classId, subgroupId: null }, term.end, term.end).map((m) => m.studentId));
      const onRoll = membersDuring(db, j, term.end, term.end).map((m) => m.studentId).filter((id) => inClass.has(id));
      const missing = [...new Set(onRoll)].filter((id) => !have.has(term.periodId === null ? `${id}:year:` : `${id}:period:${term.periodId}`));
      if (missing.length === 0) continue;
      gaps.push({
        assignmentId: j.id,
        periodId: term.periodId,
        className: className(j),
        subjectName: j.subjectName,
        subgroupName: j.subgroupName,
        teacherName: shortName(j),
        periodName: term.name,
        students: missing.map(studentName).sort((a, b) => a.localeCompare(b, 'ru')),
      });
    }
  }
  return gaps;
}
