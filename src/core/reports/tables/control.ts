import type { ControlData } from '../../../shared/contract/report-data';
import type { ReportTable } from '../../../shared/contract/report-table';
import { dayMonth, ruDate } from '../../../shared/dates';
import { col, int, percent, table } from '../../tables/build';

export function controlTables(d: ControlData): ReportTable[] {
  const range = `с ${ruDate(d.from)} по ${ruDate(d.to)}`;
  const journals = table(
    'Контроль ведения журнала по журналам',
    `${range}. Минимум отметок за период — ${d.minMarks}; срок выставления отметок за контрольные работы — ${d.controlMarksDays} дн. Часы: по КТП и учебному плану на год; по расписанию и проведено — по ${ruDate(d.to)}.`,
    [
      col('journal', 'Класс, предмет', 24),
      col('teacher', 'Учитель', 16),
      int('lessons', 'Уроков'),
      int('noTopic', 'Без темы'),
      int('noHomework', 'Без д/з'),
      int('late', 'Запол. поздно', 8),
      int('controlWorks', 'К/р'),
      int('overdueControl', 'К/р просроч.', 8),
      int('unrecordedSubstitutions', 'Замен без записи', 8),
      int('students', 'Уч-ся'),
      percent('noMarksPct', '% без отметок'),
      percent('oneMarkPct', '% с одной'),
      int('belowMin', `Меньше ${d.minMarks} отм.`, 8),
      int('ktpHours', 'КТП, ч'),
      int('curriculumHours', 'План, ч'),
      int('scheduled', 'По расп.'),
      int('given', 'Проведено', 8),
    ],
    d.rows.map((r) => [
      `${r.className} ${r.subjectName}${r.subgroupName ? ` (${r.subgroupName})` : ''}`,
      r.teacherName,
      r.lessons,
      r.noTopic,
      r.noHomework,
      r.late,
      r.controlWorks,
      r.overdueControl,
      r.unrecordedSubstitutions,
      r.students,
      r.noMarksPct,
      r.oneMarkPct,
      r.belowMin,
      r.ktpHours,
      r.curriculumHours,
      r.scheduled,
      r.given,
    ]),
    { links: d.rows.map((r) => ({ assignmentId: r.assignmentId, periodId: r.periodId, lessonId: null })) },
  );
  const teachers = table(
    'Контроль ведения журнала по учителям',
    range,
    [
      col('teacher', 'Учитель', 22),
      int('lessons', 'Уроков'),
      int('noTopic', 'Без темы'),
      int('noHomework', 'Без д/з'),
      int('late', 'Запол. поздно', 8),
      int('overdueControl', 'К/р просроч.', 8),
      int('belowMin', 'Мало отметок', 8),
    ],
    d.teachers.map((t) => [t.teacherName, t.lessons, t.noTopic, t.noHomework, t.late, t.overdueControl, t.belowMin]),
  );
  const a = d.activity;
  const activity = table(
    'Активность учителей по неделям',
    `${range}. Записей в журналах (темы уроков, отметки, пропуски) по неделе, когда они внесены; неделя — с понедельника. «Недель без записей» — недели, когда учитель вёл уроки, но ничего не записал.`,
    [
      col('teacher', 'Учитель', 18),
      ...a.weeks.map((w, i) => int(`w${i}`, `с ${dayMonth(w)}`, 5)),
      int('total', 'Всего', 7),
      int('silent', 'Недель без записей', 8),
    ],
    a.teachers.map((t) => [t.teacherName, ...t.byWeek, t.total, t.silentWeeks]),
    {
      total: [
        'Всего',
        ...a.weeks.map((_, i) => a.teachers.reduce((s, t) => s + (t.byWeek[i] ?? 0), 0)),
        a.teachers.reduce((s, t) => s + t.total, 0),
        null,
      ],
    },
  );
  const problems = table(
    'Уроки с замечаниями',
    d.problemsCut > 0 ? `Показаны первые ${d.problems.length}; ещё ${d.problemsCut} — сузьте период.` : null,
    [
      col('date', 'Дата', 10),
      col('class', 'Класс', 6),
      col('subject', 'Предмет', 22),
      col('teacher', 'Учитель', 16),
      col('problems', 'Замечания', 40),
    ],
    d.problems.map((p) => [ruDate(p.date), p.className, p.subjectName, p.teacherName, p.problems.join('; ')]),
    { links: d.problems.map((p) => ({ assignmentId: p.assignmentId, periodId: p.periodId, lessonId: p.lessonId })) },
  );
  const periodMarks = table(
    'Просроченные отметки за период',
    'Журналы, где к сроку выставления отметок за период (его задают в календаре) отметки есть не у всех учащихся.',
    [
      col('journal', 'Класс, предмет', 24),
      col('teacher', 'Учитель', 16),
      col('period', 'Период', 14),
      col('due', 'Срок', 10),
      int('missing', 'Без отметки', 8),
    ],
    d.overduePeriodMarks.map((g) => [
      `${g.className} ${g.subjectName}${g.subgroupName ? ` (${g.subgroupName})` : ''}`,
      g.teacherName,
      g.periodName,
      ruDate(g.dueDate),
      g.studentsWithoutMark,
    ]),
    {
      links: d.overduePeriodMarks.map((g) => ({ assignmentId: g.assignmentId, periodId: g.periodId, lessonId: null })),
    },
  );
  return [journals, teachers, activity, problems, periodMarks];
}
