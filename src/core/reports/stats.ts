// The formulas of «Итоги успеваемости» as Russian schools count them (docs/DOMAIN.md, «Reports»). Pure: period
// marks in, counts and percentages out, so every level (class, subject, teacher, grade, school) shares them.
import { percentOf } from '../../shared/numbers';
import type { ProgressStats } from '../../shared/contract/report-data';

/** One period mark of one student, as the progress results see it. */
export interface MarkEntry {
  studentId: number;
  value: string;
}

export type StudentCategory = 'excellent' | 'good' | 'satisfactory' | 'failing' | 'none';

export interface StudentVerdict {
  category: StudentCategory;
  oneFour: boolean;
  oneThree: boolean;
  notAttested: boolean;
}

/** «1» is counted with «2» and «незач» with both (a failed course); «зач» and «осв» carry no grade. */
const failingValues = new Set(['1', '2', 'незач']);
const ungraded = new Set(['зач', 'осв']);

/**
 * A student's place by their marks in the group: отличник (all «5»), хорошист (only «4» and «5», at least one
 * «4»; «с одной 4» among them), троечник (a «3», no «2»; «с одной 3» among them: one «3», the rest «4»/«5»),
 * неуспевающий (any «2»). «н/а» is counted on its own and also keeps the student out of the successful ones.
 */
export function verdict(values: readonly string[]): StudentVerdict {
  const counted = values.filter((v) => !ungraded.has(v));
  const notAttested = counted.includes('н/а');
  const grades = counted.filter((v) => v !== 'н/а');
  const count = (v: string) => grades.filter((g) => g === v).length;
  let category: StudentCategory = 'none';
  if (grades.some((g) => failingValues.has(g))) category = 'failing';
  else if (grades.length === 0) category = 'none';
  else if (count('3') > 0) category = 'satisfactory';
  else if (count('4') > 0) category = 'good';
  else category = 'excellent';
  return {
    category,
    notAttested,
    oneFour: !notAttested && category === 'good' && count('4') === 1,
    oneThree: !notAttested && category === 'satisfactory' && count('3') === 1,
  };
}

/** СОУ weights of each mark (В. П. Симонов): 5 → 1.00, 4 → 0.64, 3 → 0.36, 2 → 0.16, н/а → 0.07. */
const souWeight: Record<string, number> = {
  '5': 1,
  '4': 0.64,
  '3': 0.36,
  '2': 0.16,
  '1': 0.16,
  незач: 0.16,
  'н/а': 0.07,
};

/**
 * The statistics of a group. `roll` is everyone on the group's roll at the end of the period, and the
 * percentages are of all of them (DOMAIN.md): a student still without a period mark is not successful, so a
 * mark not yet set never raises them. `markless` are students on the roll of a class that gets no marks at
 * all (the 1st grade): counted in «students», left out of the percentages. A student with only «зач»/«осв»
 * is successful and not in the quality.
 */
export function progressStatsOf(
  roll: readonly number[],
  entries: readonly MarkEntry[],
  markless: ReadonlySet<number> = new Set(),
): ProgressStats & { verdicts: Map<number, StudentVerdict> } {
  const byStudent = new Map<number, string[]>();
  for (const e of entries) {
    const list = byStudent.get(e.studentId) ?? [];
    list.push(e.value);
    byStudent.set(e.studentId, list);
  }
  const verdicts = new Map<number, StudentVerdict>();
  const all = new Set([...roll, ...byStudent.keys()]);
  const s = {
    counted: 0,
    excellent: 0,
    good: 0,
    oneFour: 0,
    oneThree: 0,
    satisfactory: 0,
    failing: 0,
    notAttested: 0,
    assessed: 0,
    unmarked: 0,
    unsuccessful: 0,
  };
  for (const id of all) {
    const marks = byStudent.get(id) ?? [];
    const v = verdict(marks);
    verdicts.set(id, v);
    if (markless.has(id) && marks.length === 0) continue;
    s.counted++;
    if (marks.length === 0) {
      s.unmarked++;
      continue;
    }
    s.assessed++;
    if (v.notAttested) s.notAttested++;
    if (v.category === 'failing') s.failing++;
    if (v.notAttested || v.category === 'failing') {
      s.unsuccessful++;
      continue; // neither отличник nor хорошист nor троечник while a «2» or an «н/а» stands
    }
    if (v.category === 'excellent') s.excellent++;
    if (v.category === 'good') s.good++;
    if (v.category === 'satisfactory') s.satisfactory++;
    if (v.oneFour) s.oneFour++;
    if (v.oneThree) s.oneThree++;
  }

  const values = entries.map((e) => e.value).filter((v) => !ungraded.has(v));
  const n = (v: string) => values.filter((x) => x === v).length;
  const n2 = n('2') + n('1') + n('незач');
  const numeric = values.filter((v) => /^[1-5]$/.test(v)).map(Number);
  const sou = values.reduce((sum, v) => sum + (souWeight[v] ?? 0), 0);
  return {
    students: all.size,
    assessed: s.assessed,
    unmarked: s.unmarked,
    excellent: s.excellent,
    good: s.good,
    oneFour: s.oneFour,
    oneThree: s.oneThree,
    satisfactory: s.satisfactory,
    failing: s.failing,
    notAttested: s.notAttested,
    n5: n('5'),
    n4: n('4'),
    n3: n('3'),
    n2,
    nNa: n('н/а'),
    successPct: percentOf(s.counted - s.unmarked - s.unsuccessful, s.counted),
    qualityPct: percentOf(s.excellent + s.good, s.counted),
    souPct: values.length > 0 ? Math.round((sou / values.length) * 1000) / 10 : null,
    average: numeric.length > 0 ? Math.round((numeric.reduce((a, b) => a + b, 0) / numeric.length) * 100) / 100 : null,
    verdicts,
  };
}
