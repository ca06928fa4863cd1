// How good the forecast is, measured on the school's own history: for every finished period of the last school
// years, the forecast made from the marks up to the period's middle is compared with the period mark given.
// Attendance is left out of the replay, so «н/а» is not scored; numeric marks are.
import { addDays, daysBetween } from '../../shared/dates';
import { percentOf } from '../../shared/numbers';
import type { ForecastAccuracy } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import type { SuggestionRules } from '../journal/suggestions';
import { forecastOne, type DatedMark } from './forecast-model';

const midpoint = (start: string, end: string) => addDays(start, Math.floor(daysBetween(start, end) / 2));

export function measureForecast(db: Db, today: string, rules: SuggestionRules, years = 2): ForecastAccuracy {
  const sql = db.$client;
  const recentYears = (
    sql
      .prepare('select id from school_years where start_date <= ? order by start_date desc limit ?')
      .all(today, years) as Array<{ id: number }>
  ).map((y) => y.id);
  const periods = recentYears.length
    ? (sql
        .prepare(
          `select id, year_id as yearId, scheme, start_date as startDate, end_date as endDate from periods where end_date < ? and year_id in (${recentYears.join(',')})`,
        )
        .all(today) as Array<{ id: number; yearId: number; scheme: string; startDate: string; endDate: string }>)
    : [];
  const marksStmt = sql.prepare(
    `select m.student_id as studentId, a.subject_id as subjectId, l.date, m.value1, m.value2, k.weight
     from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id
     join classes c on c.id = a.class_id join grade_period_schemes g on g.year_id = a.year_id and g.grade = c.grade
     join work_kinds k on k.id = m.work_kind_id
     where a.year_id = ? and g.scheme = ? and l.date between ? and ?`,
  );
  const actualStmt = sql.prepare(
    `select student_id as studentId, subject_id as subjectId, value from period_marks where kind = 'period' and period_id = ?`,
  );
  const r = { cases: 0, exact: 0, withinOne: 0, noForecast: 0, flagged: 0, flaggedRight: 0, failed: 0, periods: 0 };
  for (const p of periods) {
    const actual = (actualStmt.all(p.id) as Array<{ studentId: number; subjectId: number; value: string }>).filter(
      (a) => /^[1-5]$/.test(a.value),
    );
    if (actual.length === 0) continue;
    r.periods++;
    const byKey = new Map<string, DatedMark[]>();
    for (const m of marksStmt.all(p.yearId, p.scheme, p.startDate, midpoint(p.startDate, p.endDate)) as Array<{
      studentId: number;
      subjectId: number;
      date: string;
      value1: string;
      value2: string | null;
      weight: number;
    }>) {
      const key = `${m.studentId}:${m.subjectId}`;
      const list = byKey.get(key) ?? [];
      for (const v of [m.value1, m.value2])
        if (v !== null && v !== 'н/а') list.push({ date: m.date, value: Number(v), weight: m.weight });
      byKey.set(key, list);
    }
    for (const a of actual) {
      const f = forecastOne(
        { marks: byKey.get(`${a.studentId}:${a.subjectId}`) ?? [], lessonsHeld: 0, lessonsMissed: 0 },
        rules,
      );
      const given = Number(a.value);
      const failed = given <= 2;
      if (failed) r.failed++;
      if (f.risk === '2') {
        r.flagged++;
        if (failed) r.flaggedRight++;
      }
      if (f.expected === null || !/^[1-5]$/.test(f.expected)) {
        r.noForecast++;
        continue;
      }
      r.cases++;
      const diff = Math.abs(Number(f.expected) - given);
      if (diff === 0) r.exact++;
      if (diff <= 1) r.withinOne++;
    }
  }
  return {
    periods: r.periods,
    cases: r.cases,
    exactPct: percentOf(r.exact, r.cases),
    withinOnePct: percentOf(r.withinOne, r.cases),
    riskRecallPct: percentOf(r.flaggedRight, r.failed),
    riskPrecisionPct: percentOf(r.flaggedRight, r.flagged),
    noForecast: r.noForecast,
  };
}
