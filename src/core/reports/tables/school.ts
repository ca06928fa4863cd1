import type {
  ClassTeacherData,
  FillData,
  MovementData,
  MovementEntry,
  OutcomesData,
  StatementData,
} from '../../../shared/contract/report-data';
import type { ReportTable } from '../../../shared/contract/report-table';
import { progressTables, subjectRollNote } from './progress';
import { ruDate } from '../../../shared/dates';
import { col, decimal, int, markCol, table } from '../../tables/build';

const entryColumns = [
  col('date', 'Дата', 10),
  col('name', 'Ученик', 24),
  col('kind', 'Движение', 13),
  col('from', 'Из класса', 7),
  col('to', 'В класс', 7),
  col('order', 'Приказ', 25),
  col('note', 'Откуда / куда', 24),
];
const entryRows = (list: readonly MovementEntry[]) =>
  list.map((e) => [ruDate(e.date), e.name, e.kind, e.fromClass, e.toClass, e.order, e.note]);

export function fillTables(d: FillData): ReportTable[] {
  const sum = (f: (r: FillData['rows'][number]) => number) => d.rows.reduce((a, r) => a + f(r), 0);
  return [
    table(
      `Наполняемость классов на ${ruDate(d.date)}`,
      null,
      [
        col('class', 'Класс', 8),
        col('teacher', 'Классный руководитель', 24),
        int('students', 'Учащихся', 10),
        int('boys', 'Мальчиков', 10),
        int('girls', 'Девочек', 10),
      ],
      d.rows.map((r) => [r.className, r.classTeacher, r.students, r.boys, r.girls]),
      { total: ['Итого', null, sum((r) => r.students), sum((r) => r.boys), sum((r) => r.girls)] },
    ),
  ];
}

export function movementTables(d: MovementData): ReportTable[] {
  const sum = (f: (r: MovementData['classes'][number]) => number) => d.classes.reduce((a, r) => a + f(r), 0);
  const counts = [
    int('atStart', 'На начало года', 10),
    int('arrived', 'Прибыло', 9),
    int('left', 'Выбыло', 9),
    int('atEnd', 'На конец', 10),
  ];
  const tables = [
    table(
      `Сводная ведомость учёта движения учащихся, ${d.yearName} учебный год`,
      'Переведённые из класса в класс считаются выбывшими из одного и прибывшими в другой.',
      [col('class', 'Класс', 8), ...counts],
      d.classes.map((c) => [c.className, c.atStart, c.arrived, c.left, c.atEnd]),
      { total: ['Итого', sum((c) => c.atStart), sum((c) => c.arrived), sum((c) => c.left), sum((c) => c.atEnd)] },
    ),
    // Worded as «Книга движения» words it (movement/register.ts): the two documents state the same facts.
    table(
      'Приказы о движении учащихся',
      d.entries.some((e) => e.cancelReason !== null)
        ? 'Отменённый приказ остаётся в списке с причиной отмены и в итоги не входит.'
        : null,
      entryColumns,
      entryRows(d.entries),
    ),
  ];
  if (d.years.length > 0)
    tables.push(
      table(
        'Динамика движения по школе',
        null,
        [col('year', 'Учебный год', 12), ...counts],
        d.years.map((y) => [y.yearName, y.atStart, y.arrived, y.left, y.atEnd]),
      ),
    );
  return tables;
}

export function outcomesTables(d: OutcomesData): ReportTable[] {
  return [
    table(
      `Итоговые данные по учащимся, ${d.yearName} учебный год`,
      'Задолженность — предметы с годовой отметкой «2» или «н/а».',
      [
        col('class', 'Класс', 6),
        col('name', 'Ученик', 28),
        col('outcome', 'Решение', 22),
        col('order', 'Приказ', 22),
        col('debts', 'Задолженность', 26),
      ],
      d.rows.map((r) => [r.className, r.name, r.outcome ?? 'решение не принято', r.order, r.debts.join(', ') || null]),
    ),
  ];
}

export function statementTables(d: StatementData): ReportTable[] {
  const a = d.attendance;
  return [
    table(
      `Выписка оценок: ${d.name}, ${d.className} класс`,
      `${d.termName} (${ruDate(d.from)} — ${ruDate(d.to)})` +
        (d.parents.length ? `. Родителям (законным представителям): ${d.parents.join(', ')}` : ''),
      [
        col('subject', 'Предмет', 24),
        col('marks', 'Текущие отметки', 50),
        decimal('average', 'Средний'),
        markCol('final', 'За период', 8),
      ],
      d.subjects.map((s) => [s.subjectName, s.marks.map((m) => m.value).join(' '), s.average, s.periodMark]),
    ),
    table(
      'Посещаемость',
      'День пропущен, если пропущены все уроки этого дня.',
      [
        int('missed', 'Пропущено уроков', 10),
        int('illness', 'по болезни', 10),
        int('excused', 'уважит.', 10),
        int('unexcused', 'без уважит.', 10),
        int('late', 'опозданий', 10),
        int('days', 'Дней', 8),
      ],
      [[a.missed, a.illness, a.excused, a.unexcused, a.late, a.daysMissed]],
    ),
  ];
}

export function classTeacherTables(d: ClassTeacherData): ReportTable[] {
  const scope = `${d.className} класс${d.classTeacher ? `, классный руководитель ${d.classTeacher}` : ''}`;
  const [overall, names] = progressTables(d.progress, scope);
  const [bySubject] = progressTables(d.bySubject, scope);
  const attendance = table(
    `Посещаемость ${d.className} класса: ${ruDate(d.from)} — ${ruDate(d.to)}`,
    null,
    [
      int('number', '№', 4),
      col('name', 'Ученик', 28),
      int('missed', 'Пропущено уроков', 10),
      int('illness', 'б', 6),
      int('excused', 'у', 6),
      int('unexcused', 'н', 6),
      int('late', 'оп', 6),
      int('days', 'Дней', 6),
    ],
    d.attendance.map((r) => [r.number, r.name, r.missed, r.illness, r.excused, r.unexcused, r.late, r.daysMissed]),
  );
  const movement = table(
    'Движение учащихся за период',
    d.movement.length === 0 ? 'Движения не было.' : null,
    entryColumns,
    entryRows(d.movement),
  );
  return [
    { ...overall!, title: `Итоги успеваемости класса: ${d.termName}` },
    ...(names && names.title === 'Поимённо' ? [names] : []),
    // The counting rules are said once, under the class's results.
    { ...bySubject!, title: `Итоги по предметам: ${d.termName}`, notes: [subjectRollNote] },
    attendance,
    movement,
  ];
}
