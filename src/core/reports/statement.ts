// Выписка оценок для родителей: one student's marks by subject for a period, the average and the period mark,
// and the lessons missed — to hand out at a parents' meeting.
import type { StatementData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { weightedAverage } from '../journal/suggestions';
import { readSetting } from '../school/settings';
import { classAttendance, sumDays } from './attendance-facts';
import type { ClassInfo } from './roster';
import type { PeriodRow } from './terms';

export function parentsStatement(
  db: Db,
  student: { id: number; name: string },
  cls: ClassInfo,
  period: PeriodRow,
  termName: string,
  today: string,
  parents: readonly string[],
): StatementData {
  const rows = db.$client
    .prepare(
      `select s.id as subjectId, s.name as subjectName, s.sort_order as sortOrder, l.date, m.value1, m.value2, k.weight
       from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id
       join subjects s on s.id = a.subject_id join work_kinds k on k.id = m.work_kind_id
       where m.student_id = ? and a.class_id = ? and l.date between ? and ? order by s.sort_order, l.date, l.lesson_number`,
    )
    .all(student.id, cls.id, period.startDate, period.endDate) as Array<{
    subjectId: number;
    subjectName: string;
    sortOrder: number;
    date: string;
    value1: string;
    value2: string | null;
    weight: number;
  }>;
  const taught = db.$client
    .prepare(
      `select distinct s.id, s.name, s.sort_order as sortOrder from assignments a join subjects s on s.id = a.subject_id where a.class_id = ? order by s.sort_order`,
    )
    .all(cls.id) as Array<{ id: number; name: string }>;
  const finals = new Map(
    (
      db.$client
        .prepare(
          `select subject_id as subjectId, value from period_marks where student_id = ? and kind = 'period' and period_id = ?`,
        )
        .all(student.id, period.id) as Array<{ subjectId: number; value: string }>
    ).map((p) => [p.subjectId, p.value]),
  );
  const useWeights = readSetting(db, 'marks.useWeights');
  const subjects = taught
    .map((s) => {
      const mine = rows.filter((r) => r.subjectId === s.id);
      const numeric = mine.flatMap((r) =>
        [r.value1, r.value2]
          .filter((v): v is string => v !== null && v !== 'н/а')
          .map((v) => ({ value: Number(v), weight: r.weight })),
      );
      const average = weightedAverage(numeric, useWeights);
      return {
        subjectName: s.name,
        marks: mine.map((r) => ({ date: r.date, value: r.value2 ? `${r.value1}/${r.value2}` : r.value1 })),
        average: average === null ? null : Math.round(average * 100) / 100,
        periodMark: finals.get(s.id) ?? null,
      };
    })
    // Subjects with nothing to say (a subgroup the student is not in) stay off the parents' sheet.
    .filter((s) => s.marks.length > 0 || s.periodMark !== null);
  const attendance = classAttendance(db, cls.id, period.startDate, period.endDate, today);
  const sums = sumDays(attendance.days.get(student.id) ?? new Map());
  return {
    name: student.name,
    className: cls.name,
    termName,
    from: period.startDate,
    to: period.endDate,
    parents: [...parents],
    subjects,
    attendance: {
      lessons: sums.lessons,
      missed: sums.missed,
      illness: sums.illness,
      excused: sums.excused,
      unexcused: sums.unexcused,
      late: sums.late,
      daysMissed: sums.daysMissed,
    },
  };
}
