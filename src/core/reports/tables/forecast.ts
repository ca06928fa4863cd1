import type { ForecastData } from '../../../shared/contract/report-data';
import type { ReportTable } from '../../../shared/contract/report-table';
import { ruDate } from '../../../shared/dates';
import { col, decimal, int, markCol, percent, table } from '../../tables/build';

export function forecastTables(d: ForecastData, oneClass: boolean): ReportTable[] {
  const tables: ReportTable[] = [];
  const asOf = `по отметкам на ${ruDate(d.asOf)}; период заканчивается ${ruDate(d.periodEnd)}`;
  if (oneClass) {
    const students = [...new Map(d.rows.map((r) => [r.studentId, r.name])).entries()];
    const cell = new Map(d.rows.map((r) => [`${r.studentId}:${r.subjectId}`, r]));
    tables.push(
      table(
        `Прогноз отметок: ${d.termName}`,
        `${asOf}. Отметка — средневзвешенный балл по правилу округления школы; «!» — группа риска.`,
        [int('number', '№', 4), col('name', 'Ученик', 28), ...d.subjects.map((s) => markCol(`s${s.id}`, s.name))],
        students.map(([id, name], i) => [
          i + 1,
          name,
          ...d.subjects.map((s) => {
            const r = cell.get(`${id}:${s.id}`);
            return r ? `${r.expected ?? '—'}${r.risk ? '!' : ''}` : null;
          }),
        ]),
      ),
    );
  }
  tables.push(
    table(
      'Группа риска',
      `Ученики, которым грозит «2» или «н/а» за период (${asOf}).`,
      [
        col('name', 'Ученик', 26),
        col('class', 'Класс', 6),
        col('subject', 'Предмет', 18),
        col('teacher', 'Учитель', 16),
        decimal('average', 'Средний'),
        int('marks', 'Отметок'),
        col('missed', 'Пропущено уроков предмета', 9),
        percent('missedAll', 'Пропущено всех уроков, %', 9),
        markCol('risk', 'Риск', 5),
        col('reasons', 'Почему', 36),
      ],
      d.atRisk.map((r) => [
        r.name,
        r.className,
        r.subjectName,
        r.teacherName,
        r.average,
        r.markCount,
        `${r.lessonsMissed} из ${r.lessonsHeld}`,
        r.lessonsAll > 0 ? Math.round((r.missedAll / r.lessonsAll) * 1000) / 10 : null,
        r.risk === 'н/а' ? 'н/а' : '«2»',
        r.reasons.join('; '),
      ]),
      { links: d.atRisk.map((r) => ({ assignmentId: r.assignmentId, periodId: null, lessonId: null })) },
    ),
  );
  const a = d.accuracy;
  if (a) {
    tables.push(
      table(
        'Точность прогноза на истории школы',
        `Прогноз, сделанный по отметкам первой половины периода, сравнён с выставленной отметкой за ${a.periods} завершённых периодов последних лет. «н/а» не оценивается (без учёта пропусков).`,
        [col('what', 'Показатель', 50), percent('value', 'Значение', 12), int('n', 'Случаев', 10)],
        [
          ['Прогноз совпал с отметкой за период', a.exactPct, a.cases],
          ['Ошибка не больше одного балла', a.withinOnePct, a.cases],
          ['Из выставленных «2» прогноз заранее отметил риск', a.riskRecallPct, null],
          ['Из отмеченных риском «2» получили «2»', a.riskPrecisionPct, null],
          ['Нет прогноза (ни одной отметки к середине периода)', null, a.noForecast],
        ],
      ),
    );
  }
  return tables;
}
