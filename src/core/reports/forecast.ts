// Предварительный отчёт (прогноз): for each student and subject, the period mark the marks so far point to,
// and the students at risk of «2» or «н/а» before the period ends, with why.
import { daysBetween } from '../../shared/dates';
import type { ForecastData, ForecastRow } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import type { SuggestionRules } from '../journal/suggestions';
import { classAttendance, sumDays } from './attendance-facts';
import { journalFacts } from './forecast-facts';
import { forecastOne } from './forecast-model';
import { rosterOn, type ClassInfo } from './roster';
import type { Term } from './terms';

export interface ForecastJournal {
  id: number;
  classId: number;
  subgroupId: number | null;
  subjectId: number;
  subjectName: string;
  subjectOrder: number;
  teacherName: string;
}

export function forecastReport(
  db: Db,
  term: Term,
  classes: readonly ClassInfo[],
  journalsOf: (classId: number) => ForecastJournal[],
  asOf: string,
  rules: SuggestionRules,
  allRows: boolean,
): Omit<ForecastData, 'accuracy'> {
  const rows: ForecastRow[] = [];
  const subjects = new Map<number, { name: string; order: number }>();
  let periodEnd = term.period?.endDate ?? term.year.endDate;
  for (const c of classes) {
    const period = term.periodOfGrade.get(c.grade);
    if (!period || c.grade === 1) continue;
    periodEnd = period.endDate;
    const until = asOf < period.endDate ? asOf : period.endDate;
    if (until < period.startDate) continue;
    const onRoll = new Map(rosterOn(db, [c.id], until).map((r) => [r.studentId, r.name]));
    const journals = journalsOf(c.id);
    const exempt = new Set(
      (
        db.$client
          .prepare(
            `select student_id as s, subject_id as j from period_marks where year_id = ? and value in ('зач', 'осв') and student_id in (select student_id from class_enrollments where class_id = ?)`,
          )
          .all(c.yearId, c.id) as Array<{ s: number; j: number }>
      ).map((e) => `${e.s}:${e.j}`),
    );
    const facts = journalFacts(db, journals, period.startDate, until);
    // Every subject's lessons, not only the journals in view: the share of all lessons a student missed.
    const attendance = classAttendance(db, c.id, period.startDate, until, until);
    const allLessons = (studentId: number) => {
      const s = sumDays(attendance.days.get(studentId) ?? new Map());
      return { lessons: s.lessons, missed: s.missed };
    };
    const elapsed = Math.min(
      1,
      daysBetween(period.startDate, until) / Math.max(1, daysBetween(period.startDate, period.endDate)),
    );
    facts.forEach((f, i) => {
      const j = journals[i]!;
      if (f.marks.size === 0) return; // an ungraded course: nothing to forecast
      subjects.set(j.subjectId, { name: j.subjectName, order: j.subjectOrder });
      for (const studentId of f.students) {
        const name = onRoll.get(studentId);
        if (name === undefined) continue; // left before the date: will get no period mark here
        const held = f.dueOf(studentId);
        const missed = f.missed.get(studentId) ?? 0;
        const all = allLessons(studentId);
        const r = forecastOne(
          {
            marks: f.marks.get(studentId) ?? [],
            lessonsHeld: held,
            lessonsMissed: missed,
            exempt: exempt.has(`${studentId}:${j.subjectId}`),
            elapsed,
            attendance: all,
          },
          rules,
        );
        rows.push({
          studentId,
          name,
          className: c.name,
          assignmentId: j.id,
          subjectId: j.subjectId,
          subjectName: j.subjectName,
          teacherName: j.teacherName,
          markCount: (f.marks.get(studentId) ?? []).length,
          lessonsHeld: held,
          lessonsMissed: missed,
          lessonsAll: all.lessons,
          missedAll: all.missed,
          ...r,
        });
      }
    });
  }
  const order = new Map(classes.map((c, i) => [c.name, i]));
  rows.sort(
    (a, b) =>
      (order.get(a.className) ?? 0) - (order.get(b.className) ?? 0) ||
      a.name.localeCompare(b.name, 'ru') ||
      (subjects.get(a.subjectId)?.order ?? 0) - (subjects.get(b.subjectId)?.order ?? 0),
  );
  const count = (v: string | null) => rows.filter((r) => r.expected === v).length;
  return {
    termName: term.name,
    asOf,
    periodEnd,
    subjects: [...subjects].sort((a, b) => a[1].order - b[1].order).map(([id, s]) => ({ id, name: s.name })),
    rows: allRows ? rows : rows.filter((r) => r.risk !== null),
    atRisk: rows.filter((r) => r.risk !== null),
    distribution: {
      n5: count('5'),
      n4: count('4'),
      n3: count('3'),
      n2: count('2') + count('1'),
      nNa: count('н/а'),
      none: count(null),
    },
  };
}
