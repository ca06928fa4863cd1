import type { ControlData } from '../../../shared/contract/report-data';
import type { ReportTable } from '../../../shared/contract/report-table';
import { dayMonth, ruDate } from '../../../shared/dates';
import { col, int, percent, table } from '../../tables/build';

export function controlTables(d: ControlData): ReportTable[] {
  const range = `с ${ruDate(d.from)} по ${ruDate(d.to)}`;
  const journal = (r: ControlData['rows'][number]) =>
    `${r.className} ${r.subjectName}${r.subgroupName ? ` (${r.subgroupName})` : ''}`;
  const links = { links: d.rows.map((r) => ({ assignmentId: r.assignmentId, periodId: r.periodId, lessonId: null })) };
  const { shift1, shift2 } = d.entryDeadline;
  // Two tables of ten-odd columns rather than one of twenty: each fits a 1366 px screen and a landscape page.
  const filling = table(
    'Заполнение журналов',
    `${range}. Тема, домашнее задание, отметки и пропуски — в день урока до ${shift1} (1 смена) или ${shift2} (2 смена); тема из КТП или внесённая заранее засчитывается, когда урок отмечен проведённым (посещаемость, отметка или пропуск). Работы со сроком проверки — контрольные (${d.controlMarksDays} дн.) и виды работ со своим сроком: к сроку отметка у каждого присутствовавшего. «Отм., проп. поздно» — уроки с отметками или пропусками, внесёнными позже срока; «Без посещ.» — прошедшие уроки, где посещаемость не отмечена; «Не на рус.» — тема или д/з без русских букв.`,
    [
      col('journal', 'Класс, предмет', 24),
      col('teacher', 'Учитель', 16),
      int('lessons', 'Уроков', 6),
      int('noTopic', 'Без темы', 6),
      int('noHomework', 'Без д/з', 6),
      int('late', 'Тема, д/з поздно', 8),
      int('lateEntries', 'Отм., проп. поздно', 8),
      int('noAttendance', 'Без посещ.', 7),
      int('notRussian', 'Не на рус.', 7),
      int('controlWorks', 'Работ со сроком', 8),
      int('overdueControl', 'Работ не в срок', 8),
      int('unrecordedSubstitutions', 'Замен без записи', 8),
    ],
    d.rows.map((r) => [
      journal(r),
      r.teacherName,
      r.lessons,
      r.noTopic,
      r.noHomework,
      r.late,
      r.lateEntries,
      r.noAttendance,
      r.notRussian,
      r.controlWorks,
      r.overdueControl,
      r.unrecordedSubstitutions,
    ]),
    links,
  );
  const marksAndHours = table(
    'Отметки и часы по журналам',
    `${range}. Минимум отметок за период — ${d.minMarks}. Часы: по КТП и учебному плану на год; по расписанию и проведено — по ${ruDate(d.to)}.`,
    [
      col('journal', 'Класс, предмет', 24),
      col('teacher', 'Учитель', 16),
      int('students', 'Уч-ся', 6),
      percent('noMarksPct', '% без отметок'),
      percent('oneMarkPct', '% с одной'),
      int('belowMin', `Меньше ${d.minMarks} отм.`, 8),
      int('ktpHours', 'КТП, ч', 6),
      int('curriculumHours', 'План, ч', 6),
      int('scheduled', 'По расп.', 6),
      int('given', 'Проведено', 8),
    ],
    d.rows.map((r) => [
      journal(r),
      r.teacherName,
      r.students,
      r.noMarksPct,
      r.oneMarkPct,
      r.belowMin,
      r.ktpHours,
      r.curriculumHours,
      r.scheduled,
      r.given,
    ]),
    links,
  );
  const teachers = table(
    'Контроль ведения журнала по учителям',
    range,
    [
      col('teacher', 'Учитель', 22),
      int('lessons', 'Уроков'),
      int('noTopic', 'Без темы'),
      int('noHomework', 'Без д/з'),
      int('late', 'Тема, д/з поздно', 8),
      int('lateEntries', 'Отм., проп. поздно', 8),
      int('noAttendance', 'Без посещ.', 7),
      int('notRussian', 'Не на рус.', 7),
      int('overdueControl', 'Работ не в срок', 8),
      int('belowMin', 'Мало отметок', 8),
    ],
    d.teachers.map((t) => [
      t.teacherName,
      t.lessons,
      t.noTopic,
      t.noHomework,
      t.late,
      t.lateEntries,
      t.noAttendance,
      t.notRussian,
      t.overdueControl,
      t.belowMin,
    ]),
  );
  const weeks = table(
    'Посещаемость не подтверждена',
    'Недели (с понедельника), которые уже закончились, с уроками в классе, но не подтверждённые классным руководителем в разделе «Посещаемость».',
    [
      col('class', 'Класс', 6),
      col('teacher', 'Классный руководитель', 18),
      int('n', 'Недель', 6),
      col('weeks', 'Недели', 50),
    ],
    d.unconfirmedWeeks.map((c) => [
      c.className,
      c.classTeacherName ?? 'не назначен',
      c.weeks.length,
      c.weeks.map((w) => `с ${dayMonth(w)}`).join(', '),
    ]),
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
  return [filling, marksAndHours, teachers, activity, problems, weeks, periodMarks];
}
