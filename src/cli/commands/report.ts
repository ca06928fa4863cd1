import fs from 'node:fs';
import path from 'node:path';
import { reportInputs, reportNames, type ReportName } from '../../shared/contract/reports';
import { className } from '../../shared/names';
import { createCore } from '../../core/app';
import { cliOrigin } from '../../core/audit/origin';
import { recordExport } from '../../core/audit/exported';
import { systemClock } from '../../core/clock';
import { findCurrentYear } from '../../core/school/years';
import { cliActor } from '../actor';
import { CliError, say } from '../output';

export interface ReportArgs {
  name?: string;
  db?: string;
  className?: string;
  period?: string;
  month?: string;
  level?: string;
  year?: string;
  student?: string;
  date?: string;
  from?: string;
  to?: string;
  format: string;
  out?: string;
  root: string;
}

/** `attendance-month` → `attendanceMonth`: the CLI spells report names as commands are spelled. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const cliReportNames = reportNames.map(kebab);
/** Reports of one period: without --period they take the last period that has ended. */
const periodReports = new Set<string>(['progress', 'forecast', 'classTeacher', 'statement']);

/** The CLI reads as the director does: the whole school; the export itself is audited (src/cli/actor.ts). */
const actor = cliActor('director');

export async function runReport(args: ReportArgs): Promise<void> {
  const name = reportNames.find((n) => kebab(n) === args.name) as ReportName | undefined;
  if (!name) throw new CliError(`Неизвестный отчёт «${args.name ?? ''}». Отчёты: ${cliReportNames.join(', ')}`);
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (!fs.existsSync(args.db)) throw new CliError(`Файл базы ${args.db} не найден`);
  if (!['pdf', 'xlsx', 'json'].includes(args.format)) throw new CliError('--format: pdf, xlsx или json');
  if (!args.out) throw new CliError('Укажите, куда записать отчёт: --out ФАЙЛ');
  const core = createCore({ dbFile: args.db, migrationsFolder: path.join(args.root, 'migrations'), clock: systemClock, origin: cliOrigin(`report ${args.name}`) });
  try {
    const sql = core.db.$client;
    const year = args.year ? (sql.prepare('select id, name from school_years where name = ?').get(args.year) as { id: number; name: string } | undefined) : findCurrentYear(core.db);
    if (!year) throw new CliError(args.year ? `Нет учебного года «${args.year}»` : 'В базе не задан текущий учебный год');
    const classes = sql.prepare('select id, grade, letter from classes where year_id = ?').all(year.id) as Array<{ id: number; grade: number; letter: string }>;
    const cls = args.className ? classes.find((c) => className(c).toLowerCase() === args.className!.replace(/\s|«|»|"/g, '').toLowerCase()) : undefined;
    if (args.className && !cls) throw new CliError(`В ${year.name} учебном году нет класса «${args.className}»`);
    // The options the user wrote, by the parameter each becomes (--year only picks the year and the class).
    const given: Record<string, string | undefined> = {
      '--class': args.className === undefined ? undefined : 'classId',
      '--period': args.period === undefined ? undefined : 'periodId',
      '--month': args.month === undefined ? undefined : 'month',
      '--level': args.level === undefined ? undefined : 'level',
      '--student': args.student === undefined ? undefined : 'studentId',
      '--date': args.date === undefined ? undefined : 'date',
      '--from': args.from === undefined ? undefined : 'from',
      '--to': args.to === undefined ? undefined : 'to',
    };
    const params: Record<string, unknown> = { yearId: year.id, classId: cls?.id, month: args.month, level: args.level, date: args.date, from: args.from, to: args.to };
    if (args.student) params.studentId = Number(args.student);
    if (name === 'fill' && params.date === undefined) params.date = new Date().toISOString().slice(0, 10);
    if (args.period !== undefined) params.periodId = resolvePeriod(sql, year.id, cls?.grade, args.period);
    else if (periodReports.has(name)) params.periodId = currentPeriod(sql, year.id, cls?.grade);
    for (const k of Object.keys(params)) if (params[k] === undefined) delete params[k];
    const input = reportInputs[name].safeParse(params);
    if (!input.success) throw new CliError(input.error.issues.map((i) => `${i.path.join('.') || 'параметры'}: ${i.message}`).join('; '));
    // An option the report does not take would be dropped by its schema: the report would not be the one asked for.
    const unused = Object.entries(given).find(([, key]) => key !== undefined && !(key in input.data));
    if (unused) throw new CliError(`Параметр ${unused[0]} не относится к отчёту ${args.name}`);
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    if (args.format === 'json') {
      const report = core.services.reports.run(actor, name, input.data as never);
      fs.writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
    } else {
      const file = await core.services.reports.file(actor, name, input.data, args.format as 'pdf' | 'xlsx');
      fs.writeFileSync(args.out, file.bytes);
    }
    // A file of the whole school's marks leaves the database with nobody logged in: the log says so.
    recordExport(core.services.audit, actor, name, { params: input.data, format: args.format, file: path.resolve(args.out) });
    say(`Отчёт записан в ${args.out}`, `Report written to ${args.out}`);
  } finally {
    core.close();
  }
}

type Sql = ReturnType<typeof createCore>['db']['$client'];

/** «2», «2 четверть», «1 полугодие» or «год»; the class's scheme when a class is given, else quarters first. */
function resolvePeriod(sql: Sql, yearId: number, grade: number | undefined, text: string): number | null {
  if (/^(год|year)$/i.test(text.trim())) return null;
  const periods = schemePeriods(sql, yearId, grade);
  const found = periods.find((p) => p.name.toLowerCase() === text.trim().toLowerCase()) ?? periods.find((p) => String(p.number) === text.trim());
  if (!found) throw new CliError(`Нет периода «${text}». Периоды: ${periods.map((p) => p.name).join(', ')}, год`);
  return found.id;
}

function schemePeriods(sql: Sql, yearId: number, grade: number | undefined) {
  const scheme = grade === undefined ? 'quarters' : ((sql.prepare('select scheme from grade_period_schemes where year_id = ? and grade = ?').get(yearId, grade) as { scheme: string } | undefined)?.scheme ?? 'quarters');
  return sql.prepare('select id, number, name, start_date as startDate, end_date as endDate from periods where year_id = ? and scheme = ? order by number').all(yearId, scheme) as Array<{ id: number; number: number; name: string; startDate: string; endDate: string }>;
}

/** Without --period: the last period that has ended, else the first. */
function currentPeriod(sql: Sql, yearId: number, grade: number | undefined): number | null {
  const periods = schemePeriods(sql, yearId, grade);
  const today = new Date().toISOString().slice(0, 10);
  return (periods.filter((p) => p.endDate < today).at(-1) ?? periods[0])?.id ?? null;
}
