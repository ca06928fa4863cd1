// `npm run bench`: the figures the issues ask for, measured on this machine. Prints a table and writes
// bench/results.json. Usage: npm run bench [-- --only grid] (entries: demo, grid, attendance, backup, print, reports, heavy, login, import, timetable, audit, years, network).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import { fixedClock } from '../src/core/clock';
import { openDatabase } from '../src/core/db/open';
import { generateDemoSchool, type DemoOptions } from '../src/core/demo';
import type { CallContext } from '../src/core/api/dispatch';
import { gridInChromium } from './render';
import { reportBenches } from './reports';
import { printBench } from './print';
import { loginBench } from './login';
import { backupBench } from './backup';
import { auditBench } from './audit';
import { timetableBench } from './timetable';
import { importBench } from './import';
import { yearsBench } from './years';
import { summarize } from './stats';
import { markTarget } from './targets';
import { heavyBench } from './heavy';
import { networkBench } from './network';

const today = '2026-11-24';
const migrationsFolder = path.resolve('migrations');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-bench-'));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

interface Row {
  name: string;
  value: number;
  unit: string;
  note?: string;
}
const rows: Row[] = [];

function generate(name: string, options: Omit<DemoOptions, 'today'>): string {
  const file = path.join(work, `${name}.db`);
  const db = openDatabase(file, { migrationsFolder, create: true });
  const started = performance.now();
  const summary = generateDemoSchool(db, { ...options, today });
  const seconds = (performance.now() - started) / 1000;
  db.$client.close();
  const size = fs.statSync(file).size / 2 ** 20;
  rows.push({
    name: `demo ${options.tier}, ${options.years} y`,
    value: seconds,
    unit: 's',
    note: `${summary.lessons} lessons, ${summary.marks} marks, ${summary.absences} absences, ${size.toFixed(0)} MiB`,
  });
  return file;
}

async function gridLoads(file: string): Promise<void> {
  const core = createCore({ dbFile: file, migrationsFolder, clock: fixedClock(`${today}T10:00:00`) });
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch('auth:login', { login: 'zavuch', password: 'demo' }, call);
  const sql = core.db.$client;
  // A whole-class journal of a 30-student class, in the quarter that contains "today".
  const target = sql
    .prepare(
      `select a.id as assignmentId, p.id as periodId from assignments a
       join classes c on c.id = a.class_id join school_years y on y.id = a.year_id and y.is_current = 1
       join grade_period_schemes g on g.year_id = y.id and g.grade = c.grade
       join periods p on p.year_id = y.id and p.scheme = g.scheme and p.start_date <= ? and p.end_date >= ?
       where a.subgroup_id is null and c.grade = 7 order by a.id limit 1`,
    )
    .get(today, today) as { assignmentId: number; periodId: number };
  for (const [label, periodId] of [
    ['quarter', target.periodId],
    ['year', 'year'],
  ] as const) {
    const samples: number[] = [];
    let cells = 0;
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      const result = await core.dispatch('journal:grid', { assignmentId: target.assignmentId, periodId }, call);
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(result.error.message);
      const grid = result.value as { students: unknown[]; lessons: unknown[]; marks: unknown[] };
      cells = grid.students.length * grid.lessons.length;
    }
    const s = summarize(samples);
    rows.push({
      name: `journal grid load (${label}), median`,
      value: s.median,
      unit: 'ms',
      note: `${cells} cells, 200 loads through the dispatcher`,
    });
    rows.push({ name: `journal grid load (${label}), p95`, value: s.p95, unit: 'ms' });
  }
  core.close();
}

/** Saving one mark through the contract as its teacher: permission, lock and rule checks, audit, synchronous=FULL. */
async function markSaves(file: string): Promise<void> {
  const core = createCore({ dbFile: file, migrationsFolder, clock: fixedClock(`${today}T10:00:00`) });
  const target = markTarget(core.db.$client, today);
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch('auth:login', { login: target.login, password: 'demo' }, call);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const result = await core.dispatch(
      'journal:setMark',
      { lessonId: target.lessonId, studentId: target.studentId, value1: String(2 + (i % 4)) },
      call,
    );
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
  }
  const s = summarize(samples);
  rows.push({
    name: 'save one mark, median',
    value: s.median,
    unit: 'ms',
    note: '200 saves through the dispatcher, audit included, synchronous=FULL',
  });
  rows.push({ name: 'save one mark, p95', value: s.p95, unit: 'ms' });
  core.close();
}

/** The class teacher's week of a 30-student class across every subject (the week before "today"), as its class teacher. */
async function classWeekLoads(file: string): Promise<void> {
  const core = createCore({ dbFile: file, migrationsFolder, clock: fixedClock(`${today}T10:00:00`) });
  const sql = core.db.$client;
  const target = sql
    .prepare(
      `select c.id as classId, u.login from classes c join users u on u.id = c.class_teacher_id
       join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = 7 order by c.id limit 1`,
    )
    .get() as { classId: number; login: string };
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch('auth:login', { login: target.login, password: 'demo' }, call);
  const samples: number[] = [];
  let note = '';
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const result = await core.dispatch('attendance:week', { classId: target.classId, weekStart: '2026-11-16' }, call);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    const week = result.value as { students: unknown[]; lessons: unknown[]; absences: unknown[] };
    note = `${week.students.length} students, ${week.lessons.length} lessons, ${week.absences.length} absences; 200 loads through the dispatcher`;
  }
  const s = summarize(samples);
  rows.push({ name: 'attendance class week, median', value: s.median, unit: 'ms', note });
  rows.push({ name: 'attendance class week, p95', value: s.p95, unit: 'ms' });

  // The deputy's morning view: every class of the school on one day.
  const deputy: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (deputy.sessionToken = t) };
  await core.dispatch('auth:login', { login: 'zavuch', password: 'demo' }, deputy);
  const daySamples: number[] = [];
  let classes = 0;
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    const result = await core.dispatch('attendance:schoolDay', { date: '2026-11-23' }, deputy);
    daySamples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    classes = (result.value as { classes: unknown[] }).classes.length;
  }
  const d = summarize(daySamples);
  rows.push({
    name: 'attendance school day, median',
    value: d.median,
    unit: 'ms',
    note: `${classes} classes, 50 loads through the dispatcher`,
  });
  rows.push({ name: 'attendance school day, p95', value: d.p95, unit: 'ms' });
  core.close();
}

async function main() {
  if (!only || only === 'demo') {
    generate('small', { tier: 'small', years: 1 });
    generate('typical', { tier: 'typical', years: 1 });
    generate('large', { tier: 'large', years: 1 });
  }
  if (!only || ['grid', 'attendance', 'backup', 'reports', 'heavy'].includes(only)) {
    const file = generate('large5', { tier: 'large', years: 5 });
    if (!only || only === 'grid') {
      await gridLoads(file);
      await markSaves(file);
      rows.push(...(await gridInChromium(file, today)));
    }
    if (!only || only === 'grid' || only === 'attendance') await classWeekLoads(file);
    if (!only || only === 'backup')
      rows.push(...(await backupBench(file, work, migrationsFolder, fixedClock(`${today}T10:00:00`))));
    if (!only || only === 'reports') await reportBenches(file, migrationsFolder, today, rows);
    if (!only || only === 'heavy') rows.push(...(await heavyBench(file, migrationsFolder, today)));
  }
  if (!only || only === 'print') printBench(work, rows);
  if (!only || only === 'audit')
    rows.push(...(await auditBench(generate('large-audit', { tier: 'large', years: 1 }), migrationsFolder, today)));
  if (!only || only === 'timetable')
    rows.push(...(await timetableBench(work, migrationsFolder, fixedClock(`${today}T10:00:00`), today)));
  if (!only || only === 'import')
    rows.push(...(await importBench(work, migrationsFolder, fixedClock('2025-10-15T10:00:00'))));
  if (!only || only === 'years') rows.push(...(await yearsBench(work, migrationsFolder)));
  if (!only || only === 'network')
    rows.push(...(await networkBench(generate('network', { tier: 'large', years: 1 }), today)));
  if (!only || only === 'login')
    rows.push(...(await loginBench(work, migrationsFolder, fixedClock(`${today}T10:00:00`))));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  unit  note`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(width)}  ${r.value.toFixed(r.unit === 's' ? 1 : 2).padStart(10)}  ${r.unit.padEnd(4)}  ${r.note ?? ''}`,
    );
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    rows,
  };
  fs.writeFileSync(path.resolve('bench/results.json'), `${JSON.stringify(out, null, 2)}\n`);
  fs.rmSync(work, { recursive: true, force: true });
}

void main();
