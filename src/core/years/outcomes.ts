// The year's decision per student (переведён, условно переведён, оставлен на повторное обучение, выпущен),
// proposed from the year marks and saved with the order that made it.
import { and, eq } from 'drizzle-orm';
import { className, compareByName, fullName } from '../../shared/names';
import type { Db } from '../db/open';
import { yearOutcomes } from '../db/schema';

export type Outcome = 'promoted' | 'conditional' | 'retained' | 'graduated';

export interface OutcomeRow {
  studentId: number;
  name: string;
  classId: number;
  className: string;
  grade: number;
  /** Subjects with a year mark «2», «1», «н/а» or «незач». */
  debts: string[];
  proposed: Outcome;
  decided: { outcome: Outcome; orderNumber: string | null; orderDate: string | null } | null;
}

/**
 * What the marks suggest: the 11th grade and (by default) nobody of the 9th leaves — the school says which 9th
 * graders leave; a debt makes a promotion conditional, and keeps a 9th or 11th grader for another year.
 */
export function propose(grade: number, debts: number): Outcome {
  if (debts > 0) return grade === 9 || grade === 11 ? 'retained' : 'conditional';
  return grade === 11 ? 'graduated' : 'promoted';
}

/** Every student on a class's roll on the year's last day, with the proposal and any decision taken. */
export function outcomeRows(db: Db, year: { id: number; endDate: string }): OutcomeRow[] {
  const rows = db.$client
    .prepare(
      `select s.id, s.last_name as lastName, s.first_name as firstName, s.middle_name as middleName, c.id as classId, c.grade, c.letter
       from class_enrollments e join students s on s.id = e.student_id join classes c on c.id = e.class_id
       where c.year_id = ? and e.start_date <= ? and (e.end_date is null or e.end_date >= ?)`,
    )
    .all(year.id, year.endDate, year.endDate) as Array<{
    id: number;
    lastName: string;
    firstName: string;
    middleName: string | null;
    classId: number;
    grade: number;
    letter: string;
  }>;
  // The debts and decisions of the whole year at once (two queries, not two per student).
  const debts = new Map<number, string[]>();
  const debtRows = db.$client.prepare(
    `select p.student_id as id, s.name from period_marks p join subjects s on s.id = p.subject_id where p.year_id = ? and p.kind = 'year' and p.value in ('1', '2', 'н/а', 'незач') order by s.sort_order`,
  );
  for (const d of debtRows.all(year.id) as Array<{ id: number; name: string }>)
    debts.set(d.id, [...(debts.get(d.id) ?? []), d.name]);
  const decided = new Map(
    (
      db.$client
        .prepare(
          'select student_id as id, outcome, order_number as orderNumber, order_date as orderDate from year_outcomes where year_id = ?',
        )
        .all(year.id) as Array<{ id: number } & NonNullable<OutcomeRow['decided']>>
    ).map(({ id, ...d }) => [id, d]),
  );
  rows.sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru') || compareByName(a, b));
  return rows.map((r) => {
    const owed = debts.get(r.id) ?? [];
    return {
      studentId: r.id,
      name: fullName(r),
      classId: r.classId,
      className: className(r),
      grade: r.grade,
      debts: owed,
      proposed: propose(r.grade, owed.length),
      decided: decided.get(r.id) ?? null,
    };
  });
}

export function saveOutcome(
  db: Db,
  yearId: number,
  studentId: number,
  outcome: Outcome,
  order: { orderNumber: string; orderDate: string },
): void {
  const existing = db
    .select({ id: yearOutcomes.id })
    .from(yearOutcomes)
    .where(and(eq(yearOutcomes.studentId, studentId), eq(yearOutcomes.yearId, yearId)))
    .get();
  if (existing)
    db.update(yearOutcomes)
      .set({ outcome, ...order })
      .where(eq(yearOutcomes.id, existing.id))
      .run();
  else
    db.insert(yearOutcomes)
      .values({ studentId, yearId, outcome, ...order })
      .run();
}
