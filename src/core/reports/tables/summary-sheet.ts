import type { SummarySheetData } from '../../../shared/contract/report-data';
import type { ReportTable } from '../../../shared/contract/report-table';
import { col, int, markCol, table } from '../../tables/build';

/** One page per term, as the paper sheet: students down, subjects across. */
export function summarySheetTables(data: SummarySheetData): ReportTable[] {
  return data.terms
    .filter((t) => data.rows.some((r) => Object.values(r.marks).some((m) => m[t.key] !== undefined)))
    .map((term) =>
      table(
        `Сводная ведомость учёта успеваемости ${data.className} класса: ${term.name.toLowerCase()}`,
        null,
        [int('number', '№', 4), col('name', 'Ученик', 28), ...data.subjects.map((s) => markCol(`s${s.id}`, s.name))],
        data.rows.map((r) => [
          r.number,
          r.name,
          ...data.subjects.map((s) => r.marks[String(s.id)]?.[term.key] ?? null),
        ]),
      ),
    );
}
