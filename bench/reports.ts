// Reports on the large tier with five years of history, through the dispatcher as the deputy: against the
// targets: progress results and journal control for the whole school, under 1 s each.
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import { fixedClock } from '../src/core/clock';
import { measureForecast } from '../src/core/reports/forecast-accuracy';
import type { CallContext } from '../src/core/api/dispatch';
import { summarize } from './stats';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export async function reportBenches(
  file: string,
  migrationsFolder: string,
  today: string,
  rows: BenchRow[],
): Promise<void> {
  const core = createCore({ dbFile: file, migrationsFolder, clock: fixedClock(`${today}T10:00:00`) });
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch('auth:login', { login: 'zavuch', password: 'demo' }, call);
  const sql = core.db.$client;
  const q1 = sql
    .prepare(
      `select p.id, p.start_date as startDate, p.end_date as endDate from periods p join school_years y on y.id = p.year_id and y.is_current = 1 where p.scheme = 'quarters' and p.number = 1`,
    )
    .get() as { id: number; startDate: string; endDate: string };
  const lastYear = sql
    .prepare(`select id from school_years where is_current = 0 order by start_date desc limit 1`)
    .get() as { id: number } | undefined;
  const fifth = sql
    .prepare(
      `select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = 5 order by c.letter limit 1`,
    )
    .get() as { id: number };
  const marks = (sql.prepare('select count(*) as n from marks').get() as { n: number }).n;

  async function measure(
    name: string,
    channel: string,
    input: unknown,
    runs: number,
    note: (value: unknown) => string,
  ) {
    const samples: number[] = [];
    let last: unknown;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const result = await core.dispatch(channel, input, call);
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      last = result.value;
    }
    const s = summarize(samples);
    rows.push({
      name: `${name}, median`,
      value: s.median,
      unit: 'ms',
      note: `${note(last)}; ${runs} runs through the dispatcher`,
    });
    rows.push({ name: `${name}, p95`, value: s.p95, unit: 'ms' });
  }
  const rowsOf = (v: unknown) => (v as { data: { rows: unknown[] } }).data.rows.length;

  await measure(
    'report: progress results, school by class (quarter)',
    'reports:progress',
    { periodId: q1.id, level: 'class' },
    20,
    (v) => `${rowsOf(v)} classes, ${marks} marks in the database`,
  );
  await measure(
    'report: progress results, school by teacher (year)',
    'reports:progress',
    { periodId: null, level: 'teacher', yearId: lastYear?.id },
    10,
    (v) => `${rowsOf(v)} teachers, last year's year marks`,
  );
  await measure(
    'report: journal control, whole school (quarter)',
    'reports:control',
    { from: q1.startDate, to: q1.endDate },
    10,
    (v) => `${rowsOf(v)} journals`,
  );
  await measure(
    'report: attendance year of a class',
    'reports:attendanceYear',
    { classId: fifth.id },
    20,
    (v) => `${rowsOf(v)} students`,
  );
  const started = performance.now();
  const accuracy = measureForecast(core.db, today, { useWeights: true, rounding: 'half_up', minMarks: 3 });
  rows.push({
    name: 'forecast accuracy replay (last 2 years)',
    value: performance.now() - started,
    unit: 'ms',
    note: `${accuracy.cases} forecasts at mid-period: ${accuracy.exactPct} % exact, ${accuracy.withinOnePct} % within one mark; risk of «2»: recall ${accuracy.riskRecallPct} %, precision ${accuracy.riskPrecisionPct} %`,
  });
  await measure(
    'report: forecast of a class (accuracy replayed once a day)',
    'reports:forecast',
    { periodId: q1.id, classId: fifth.id },
    5,
    (v) => {
      const a = (v as { data: { accuracy: { cases: number; exactPct: number; withinOnePct: number } } }).data.accuracy;
      return `accuracy on history: ${a.exactPct} % exact, ${a.withinOnePct} % within one mark over ${a.cases} cases`;
    },
  );
  await measure(
    'report: progress results as XLSX',
    'reports:file',
    { report: 'progress', params: { periodId: q1.id, level: 'class' }, format: 'xlsx' },
    5,
    () => 'whole school',
  );
  await measure(
    'report: journal control as PDF',
    'reports:file',
    { report: 'control', params: { from: q1.startDate, to: q1.endDate }, format: 'pdf' },
    3,
    () => 'whole school, quarter',
  );
  core.close();
}
