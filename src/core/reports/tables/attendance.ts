import type { AttendanceMonthData, AttendanceYearData } from '../../../shared/contract/report-data';
import type { ReportCell, ReportTable } from '../../../shared/contract/report-table';
import { dayOfMonth, monthAndYear, monthName } from '../../../shared/dates';
import { col, int, table } from '../../tables/build';

export function attendanceMonthTables(data: AttendanceMonthData): ReportTable[] {
  const days = data.schoolDays;
  const columns = [
    int('number', '№', 4),
    col('name', 'Ученик', 28),
    ...days.map((d) => int(`d${d}`, String(dayOfMonth(d)), 3.5)),
    int('missed', 'Пропущено уроков', 9),
    int('illness', 'б', 5),
    int('excused', 'у', 5),
    int('unexcused', 'н', 5),
    int('late', 'оп', 5),
    int('daysMissed', 'Дней', 6),
  ];
  const rows: ReportCell[][] = data.rows.map((r) => [
    r.number,
    r.name,
    ...days.map((d) => r.byDay[d] ?? null),
    r.missed,
    r.illness,
    r.excused,
    r.unexcused,
    r.late,
    r.daysMissed,
  ]);
  const sum = (f: (r: AttendanceMonthData['rows'][number]) => number) => data.rows.reduce((a, r) => a + f(r), 0);
  const total: ReportCell[] = [
    null,
    'Итого',
    ...days.map((d) => sum((r) => r.byDay[d] ?? 0) || null),
    sum((r) => r.missed),
    sum((r) => r.illness),
    sum((r) => r.excused),
    sum((r) => r.unexcused),
    sum((r) => r.late),
    sum((r) => r.daysMissed),
  ];
  return [
    table(
      `Посещаемость ${data.className} класса: ${monthAndYear(data.month)}`,
      'В клетке дня — число пропущенных уроков. День считается пропущенным, если пропущены все уроки этого дня. б — по болезни, у — по уважительной причине, н — без уважительной причины, оп — опоздания (не пропуск).',
      columns,
      rows,
      { total },
    ),
  ];
}

export function attendanceYearTables(data: AttendanceYearData): ReportTable[] {
  const columns = [
    int('number', '№', 4),
    col('name', 'Ученик', 28),
    ...data.months.map((m) => int(`m${m}`, monthName(m).slice(0, 3), 6)),
    int('missed', 'Всего уроков', 8),
    int('illness', 'б', 6),
    int('excused', 'у', 6),
    int('unexcused', 'н', 6),
    int('daysMissed', 'Дней', 6),
  ];
  const rows: ReportCell[][] = data.rows.map((r) => [
    r.number,
    r.name,
    ...r.months.map((m) => m.missed || null),
    r.missed,
    r.illness,
    r.excused,
    r.unexcused,
    r.daysMissed,
  ]);
  const sum = (f: (r: AttendanceYearData['rows'][number]) => number) => data.rows.reduce((a, r) => a + f(r), 0);
  const total: ReportCell[] = [
    null,
    'Итого',
    ...data.months.map((_, i) => sum((r) => r.months[i]?.missed ?? 0)),
    sum((r) => r.missed),
    sum((r) => r.illness),
    sum((r) => r.excused),
    sum((r) => r.unexcused),
    sum((r) => r.daysMissed),
  ];
  const byMonth = table(
    'Пропуски класса по месяцам',
    null,
    [
      col('month', 'Месяц', 16),
      int('illness', 'По болезни', 10),
      int('excused', 'Уважит.', 10),
      int('unexcused', 'Без уважит.', 10),
    ],
    data.byMonth.map((m) => [monthAndYear(m.month), m.illness, m.excused, m.unexcused]),
  );
  return [
    table(
      `Сводная ведомость учёта посещаемости ${data.className} класса`,
      'Пропущено уроков по месяцам',
      columns,
      rows,
      { total },
    ),
    byMonth,
  ];
}
