// Итоговые данные по учащимся: the year's outcome of each student (переведён, условно переведён, оставлен,
// выпущен) with the order, and the subjects with «2» or «н/а» for the year.
import type { OutcomesData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { rosterOn, type ClassInfo } from './roster';
import { orderText } from '../../shared/orders';

const outcomeName: Record<string, string> = {
  promoted: 'переведён',
  conditional: 'переведён условно',
  retained: 'оставлен на повторное обучение',
  graduated: 'выпущен',
};

export function yearOutcomes(
  db: Db,
  year: { id: number; name: string; endDate: string },
  classes: readonly ClassInfo[],
  today: string,
): OutcomesData {
  const date = year.endDate < today ? year.endDate : today;
  const outcome = db.$client.prepare(
    'select outcome, order_number as n, order_date as d from year_outcomes where student_id = ? and year_id = ?',
  );
  const debts = db.$client.prepare(
    `select s.name from period_marks p join subjects s on s.id = p.subject_id where p.student_id = ? and p.year_id = ? and p.kind = 'year' and p.value in ('1', '2', 'н/а', 'незач') order by s.sort_order`,
  );
  return {
    yearName: year.name,
    rows: classes.flatMap((c) =>
      rosterOn(db, [c.id], date).map((r) => {
        const o = outcome.get(r.studentId, year.id) as
          { outcome: string; n: string | null; d: string | null } | undefined;
        return {
          studentId: r.studentId,
          name: r.name,
          className: c.name,
          outcome: o ? (outcomeName[o.outcome] ?? o.outcome) : null,
          order: o?.n ? orderText(o.n, o.d) : null,
          debts: (debts.all(r.studentId, year.id) as Array<{ name: string }>).map((x) => x.name),
        };
      }),
    ),
  };
}
