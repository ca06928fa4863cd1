// Before a year is closed every period and year mark must be set: for each journal (a class's or a subgroup's)
// and each of its grade's periods, the students on its list at the period's end without a period mark, and at
// the year's end without a year mark. The 1st grade has no marks (docs/DOMAIN.md, rule 1).
// One query for the whole year: a per-journal loop cost ~2.4 s on the typical school (`npm run bench -- --only years`).
import { className, fullName, shortName } from '../../shared/names';
import type { Db } from '../db/open';

export interface MarkGap {
  assignmentId: number;
  /** Null: the year mark. */
  periodId: number | null;
  className: string;
  subjectName: string;
  subgroupName: string | null;
  teacherName: string;
  periodName: string;
  /** The term's last day: a term not yet ended owes no marks yet. */
  endDate: string;
  students: string[];
}

/** Marks of terms still running (or to come), counted per term: shown apart, not as gaps. */
export interface NotEnded {
  periodName: string;
  endDate: string;
  journals: number;
  marks: number;
}

interface Missing {
  assignmentId: number;
  periodId: number | null;
  periodName: string;
  endDate: string;
  grade: number;
  letter: string;
  subjectName: string;
  subgroupName: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  studentLast: string;
  studentFirst: string;
  studentMiddle: string | null;
}

// Terms: each period of the journal's grade, then the year (ending on the year's last day). A student is owed a
// mark when he is in the class on the term's last day — and, for a subgroup's journal, in the subgroup too: one
// who left before the term ended is not marked here.
const missingMarks = `
  with terms as (
    select gs.grade, p.id as periodId, p.name as periodName, p.end_date as endDate, p.number as n
      from periods p join grade_period_schemes gs on gs.year_id = p.year_id and gs.scheme = p.scheme where p.year_id = :year
    union all select null, null, 'год', :yearEnd, 1000000
  )
  select distinct a.id as assignmentId, t.periodId, t.periodName, t.endDate, t.n, c.grade, c.letter, s.name as subjectName, s.sort_order as sortOrder, g.name as subgroupName,
         u.last_name as lastName, u.first_name as firstName, u.middle_name as middleName,
         st.id as studentId, st.last_name as studentLast, st.first_name as studentFirst, st.middle_name as studentMiddle
    from assignments a join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id join users u on u.id = a.teacher_id
    left join subgroups g on g.id = a.subgroup_id
    join terms t on t.grade = c.grade or t.periodId is null
    join class_enrollments e on e.class_id = a.class_id and e.start_date <= t.endDate and (e.end_date is null or e.end_date >= t.endDate)
    join students st on st.id = e.student_id
   where a.year_id = :year and c.grade > 1
     and (a.subgroup_id is null or exists (select 1 from subgroup_members m where m.subgroup_id = a.subgroup_id and m.student_id = e.student_id
                                             and m.start_date <= t.endDate and (m.end_date is null or m.end_date >= t.endDate)))
     and not exists (select 1 from period_marks pm where pm.student_id = e.student_id and pm.year_id = :year and pm.subject_id = a.subject_id
                       and (case when t.periodId is null then pm.kind = 'year' else pm.kind = 'period' and pm.period_id = t.periodId end))
   order by c.grade, c.letter, s.sort_order, g.name, a.id, t.n`;

export function markGaps(db: Db, year: { id: number; endDate: string }): MarkGap[] {
  const rows = db.$client.prepare(missingMarks).all({ year: year.id, yearEnd: year.endDate }) as Missing[];
  const gaps: MarkGap[] = [];
  let last: MarkGap | undefined;
  for (const r of rows) {
    if (!last || last.assignmentId !== r.assignmentId || last.periodId !== r.periodId) {
      last = {
        assignmentId: r.assignmentId,
        periodId: r.periodId,
        className: className(r),
        subjectName: r.subjectName,
        subgroupName: r.subgroupName,
        teacherName: shortName(r),
        periodName: r.periodName,
        endDate: r.endDate,
        students: [],
      };
      gaps.push(last);
    }
    last.students.push(fullName({ lastName: r.studentLast, firstName: r.studentFirst, middleName: r.studentMiddle }));
  }
  for (const g of gaps) g.students.sort((a, b) => a.localeCompare(b, 'ru'));
  return gaps;
}

/**
 * The check as of `today`: gaps of the terms that have ended, and the terms still running or to come apart (in
 * December the 3rd and 4th quarters have not begun: their marks are not missing, only not due).
 */
export function markCheck(db: Db, year: { id: number; endDate: string }, today: string) {
  const all = markGaps(db, year);
  const byTerm = new Map<string, NotEnded>();
  for (const g of all.filter((x) => x.endDate >= today)) {
    const key = `${g.periodName}:${g.endDate}`;
    const term = byTerm.get(key) ?? { periodName: g.periodName, endDate: g.endDate, journals: 0, marks: 0 };
    term.journals += 1;
    term.marks += g.students.length;
    byTerm.set(key, term);
  }
  const notEnded = [...byTerm.values()].sort((a, b) => a.endDate.localeCompare(b.endDate));
  return { gaps: all.filter((g) => g.endDate < today), notEnded };
}
