import type { ProgressData, ProgressRow } from '../../../shared/contract/report-data';
import type { ReportTable } from '../../../shared/contract/report-table';
import { progressLevelName } from '../progress';
import { col, decimal, int, percent, table } from '../../tables/build';

const numbers = (r: ProgressRow) => [
  r.students,
  r.assessed,
  r.unmarked,
  r.excellent,
  r.good,
  r.oneFour,
  r.oneThree,
  r.satisfactory,
  r.failing,
  r.notAttested,
  r.successPct,
  r.qualityPct,
  r.souPct,
  r.average,
];

/** How the figures are counted, printed under the table so that nobody has to guess. */
export function progressNotes(level: ProgressData['level']): string[] {
  return [
    '% успеваемости и % качества — от всех учеников по списку на конец периода («Уч-ся»); ученик без отметки ' +
      'за период («Без отм.») не успевающий. Не успевают: «2», «1», «незач» или «н/а». Качество: только «4» и ' +
      '«5»; ученик только с «зач»/«осв» успевающий, но не в качестве. 1 классы учатся без отметок: они в «Уч-ся», ' +
      'но не в процентах.',
    ...(level === 'subject' || level === 'teacher' ? [subjectRollNote] : []),
  ];
}
export const subjectRollNote =
  'По предмету (учителю) список — все ученики, которые изучают предмет (у этого учителя) на конец периода.';

export function progressTables(data: ProgressData, scope: string): ReportTable[] {
  const head = progressLevelName(data.level);
  const columns = [
    col(
      'label',
      head[0]!.toUpperCase() + head.slice(1),
      data.level === 'teacher' || data.level === 'subject' ? 22 : 14,
    ),
    int('students', 'Уч-ся'),
    int('assessed', 'Аттест.'),
    int('unmarked', 'Без отм.'),
    int('excellent', 'На «5»'),
    int('good', 'На «4» и «5»'),
    int('oneFour', 'С одной «4»'),
    int('oneThree', 'С одной «3»'),
    int('satisfactory', 'С «3»'),
    int('failing', 'Неусп.'),
    int('notAttested', 'Н/а'),
    percent('successPct', '% успев.'),
    percent('qualityPct', '% кач.'),
    percent('souPct', 'СОУ, %'),
    decimal('average', 'Ср. балл'),
  ];
  const main = table(
    `Итоги успеваемости: ${data.termName}`,
    `${scope}; по графе «${head}»`,
    columns,
    data.rows.map((r) => [r.label, ...numbers(r)]),
    {
      total: ['Итого', ...numbers(data.total)],
      notes: progressNotes(data.level),
    },
  );
  const tables = [main];
  if (data.level === 'class') {
    const lists = data.rows.flatMap((r) =>
      [
        ['Отличники', r.names.excellent],
        ['С одной «4»', r.names.oneFour],
        ['С одной «3»', r.names.oneThree],
        ['Неуспевающие', r.names.failing],
        ['Не аттестованы', r.names.notAttested],
      ]
        .filter(([, names]) => names!.length > 0)
        .map(([what, names]) => [r.label, what as string, (names as string[]).join(', ')]),
    );
    if (lists.length > 0)
      tables.push(
        table('Поимённо', null, [col('class', 'Класс', 8), col('what', 'Кто', 16), col('names', 'Ученики', 80)], lists),
      );
  }
  const marks = table(
    'Распределение отметок',
    null,
    [
      col('label', 'Группа', 14),
      int('n5', '«5»'),
      int('n4', '«4»'),
      int('n3', '«3»'),
      int('n2', '«2»'),
      int('nNa', 'н/а'),
    ],
    data.rows.map((r) => [r.label, r.n5, r.n4, r.n3, r.n2, r.nNa]),
    {
      total: ['Итого', data.total.n5, data.total.n4, data.total.n3, data.total.n2, data.total.nNa],
    },
  );
  tables.push(marks);
  return tables;
}
