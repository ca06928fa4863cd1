import fs from 'node:fs';
import path from 'node:path';
import { contract, type InputOf, type Period } from '../../shared/contract';
import { reportInputs, reportNames, type ReportName } from '../../shared/contract/reports';
import { openCommand, type CommandCore } from '../core';
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

export async function runReport(args: ReportArgs): Promise<void> {
  const name = reportNames.find((n) => kebab(n) === args.name) as ReportName | undefined;
  if (!name) throw new CliError(`Неизвестный отчёт «${args.name ?? ''}». Отчёты: ${cliReportNames.join(', ')}`);
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (!fs.existsSync(args.db)) throw new CliError(`Файл базы ${args.db} не найден`);
  if (!['pdf', 'xlsx', 'json'].includes(args.format)) throw new CliError('--format: pdf, xlsx или json');
  if (!args.out) throw new CliError('Укажите, куда записать отчёт: --out ФАЙЛ');
  // The CLI reads as the director does: the whole school; the export itself is audited, with the file it went to.
  const core = openCommand({
    db: args.db,
    migrationsFolder: path.join(args.root, 'migrations'),
    command: `report ${args.name}`,
    role: 'director',
    file: args.out,
  });
  try {
    const years = await core.call(contract.school.years, {});
    const year = args.year ? years.find((y) => y.name === args.year) : years.find((y) => y.isCurrent);
    if (!year)
      throw new CliError(args.year ? `Нет учебного года «${args.year}»` : 'В базе не задан текущий учебный год');
    const classes = await core.call(contract.reports.classes, { yearId: year.id });
    const cls = args.className
      ? classes.find((c) => c.name.toLowerCase() === args.className!.replace(/\s|«|»|"/g, '').toLowerCase())
      : undefined;
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
    const params: Record<string, unknown> = {
      yearId: year.id,
      classId: cls?.id,
      month: args.month,
      level: args.level,
      date: args.date,
      from: args.from,
      to: args.to,
    };
    if (args.student) params.studentId = Number(args.student);
    if (name === 'fill' && params.date === undefined) params.date = new Date().toISOString().slice(0, 10);
    if (args.period !== undefined)
      params.periodId = resolvePeriod(await schemePeriods(core, year.id, cls?.grade), args.period);
    else if (periodReports.has(name)) params.periodId = currentPeriod(await schemePeriods(core, year.id, cls?.grade));
    for (const k of Object.keys(params)) if (params[k] === undefined) delete params[k];
    const input = reportInputs[name].safeParse(params);
    if (!input.success)
      throw new CliError(input.error.issues.map((i) => `${i.path.join('.') || 'параметры'}: ${i.message}`).join('; '));
    // An option the report does not take would be dropped by its schema: the report would not be the one asked for.
    const unused = Object.entries(given).find(([, key]) => key !== undefined && !(key in input.data));
    if (unused) throw new CliError(`Параметр ${unused[0]} не относится к отчёту ${args.name}`);
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    // A file of the whole school's marks leaves the database with nobody logged in: the export's entry says so.
    // (TypeScript cannot pair a report's name with its parameters' type; the dispatcher checks the pair.)
    const request = { report: name, params: input.data, format: args.format } as InputOf<typeof contract.reports.file>;
    const file = await core.call(contract.reports.file, request);
    fs.writeFileSync(args.out, Buffer.from(file.base64, 'base64'));
    say(`Отчёт записан в ${args.out}`, `Report written to ${args.out}`);
  } finally {
    core.close();
  }
}

/** «2», «2 четверть», «1 полугодие» or «год»; the class's scheme when a class is given, else quarters first. */
function resolvePeriod(periods: Period[], text: string): number | null {
  if (/^(год|year)$/i.test(text.trim())) return null;
  const found =
    periods.find((p) => p.name.toLowerCase() === text.trim().toLowerCase()) ??
    periods.find((p) => String(p.number) === text.trim());
  if (!found) throw new CliError(`Нет периода «${text}». Периоды: ${periods.map((p) => p.name).join(', ')}, год`);
  return found.id;
}

/** The periods of the class's grade's scheme, or the year's quarters (a grade without a scheme of its own too). */
async function schemePeriods(core: CommandCore, yearId: number, grade: number | undefined): Promise<Period[]> {
  const ofGrade = grade === undefined ? [] : await core.call(contract.school.periods, { yearId, grade });
  if (ofGrade.length > 0) return ofGrade;
  const quarters = (await core.call(contract.school.periods, { yearId })).filter((p) => p.scheme === 'quarters');
  return quarters.sort((a, b) => a.number - b.number);
}

/** Without --period: the last period that has ended, else the first. */
function currentPeriod(periods: Period[]): number | null {
  const today = new Date().toISOString().slice(0, 10);
  return (periods.filter((p) => p.endDate < today).at(-1) ?? periods[0])?.id ?? null;
}
