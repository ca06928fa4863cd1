// Report name → its rows and tables, with the permission checks of each. One place, so the channels, the
// file export and the CLI build every report the same way.
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { reportTitles, type ReportDataOf, type reportInputs, type ReportName } from '../../shared/contract/reports';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { attendanceMonth } from './attendance-month';
import { attendanceYear } from './attendance-year';
import { loadTermFacts } from './facts';
import { progressResults } from './progress';
import { requireClass, scopeOf, visibleMark } from './scope';
import { summarySheet } from './summary-sheet';
import { attendanceMonthTables, attendanceYearTables } from './tables/attendance';
import { controlTables } from './tables/control';
import { journalControl } from './control';
import { periodMarkGaps } from '../journal/periodMarksDue';
import { controlFacts } from './control-facts';
import { buildForecast } from './registry-forecast';
import { schoolBuilders } from './registry-school';
import { readSetting } from '../school/settings';
import { addDays, monthAndYear, ruDate } from '../../shared/dates';
import { progressTables } from './tables/progress';
import { summarySheetTables } from './tables/summary-sheet';
import { periodsOfGrade, resolveTerm } from './terms';
import { yearById, yearOfDate, yearOrCurrent } from '../school/years';
import type { Envelope, Memo } from './envelope';
import { substitutionsReport } from './substitutions';

type Input<N extends ReportName> = z.output<(typeof reportInputs)[N]>;

type Builder<N extends ReportName> = (
  db: Db,
  actor: Actor,
  input: Input<N>,
  today: string,
  memo: Memo,
) => Omit<Envelope<ReportDataOf<N>>, 'name' | 'title'>;

const builders: { [N in ReportName]: Builder<N> } = {
  progress(db, actor, input, today) {
    const year =
      input.classId !== undefined
        ? yearById(db, requireClass(db, actor, input.classId).yearId)
        : yearOrCurrent(db, input.yearId);
    const term = resolveTerm(db, year.id, input.periodId);
    const scope = scopeOf(db, actor, year.id);
    const facts = loadTermFacts(db, term, today, input.classId !== undefined ? [input.classId] : undefined);
    let scopeName = input.classId !== undefined ? `${facts.classes[0]?.name ?? ''} класс` : 'вся школа';
    if (!scope.all) {
      // A class teacher sees their class, a subject teacher the marks they set: the rest is left out.
      facts.marks = facts.marks.filter((m) => visibleMark(scope, m));
      facts.taught = facts.taught.filter((t) => visibleMark(scope, t));
      const theirs = new Set([...facts.marks, ...facts.taught].map((m) => m.studentId));
      facts.roster = facts.roster.filter((r) => scope.classIds.has(r.classId) || theirs.has(r.studentId));
      if (input.classId === undefined)
        scopeName = scope.classIds.size > 0 ? 'свой класс и свои предметы' : 'свои классы и предметы';
    }
    const data = progressResults(facts, input.level, term.name);
    return { subtitle: `${term.name}, ${scopeName}`, data, tables: progressTables(data, scopeName) };
  },
  attendanceMonth(db, actor, input, today) {
    const cls = requireClass(db, actor, input.classId);
    const year = yearById(db, cls.yearId);
    if (input.month < year.startDate.slice(0, 7) || input.month > year.endDate.slice(0, 7)) {
      throw new AppError(
        'validation',
        `Месяц ${monthAndYear(input.month)} не входит в ${year.name} учебный год класса ${cls.name}`,
      );
    }
    const data = attendanceMonth(db, cls, input.month, today);
    return { subtitle: `${cls.name} класс, ${monthAndYear(input.month)}`, data, tables: attendanceMonthTables(data) };
  },
  attendanceYear(db, actor, input, today) {
    const cls = requireClass(db, actor, input.classId);
    const year = yearById(db, cls.yearId);
    const data = attendanceYear(db, cls, year, today);
    return { subtitle: `${cls.name} класс, ${year.name} учебный год`, data, tables: attendanceYearTables(data) };
  },
  summarySheet(db, actor, input) {
    const cls = requireClass(db, actor, input.classId);
    const year = yearById(db, cls.yearId);
    const data = summarySheet(db, cls, year);
    return { subtitle: `${cls.name} класс, ${year.name} учебный год`, data, tables: summarySheetTables(data) };
  },
  ...schoolBuilders,
  forecast: buildForecast,
  control(db, actor, input, today) {
    const year = yearOfDate(db, input.to);
    if (input.from < year.startDate)
      throw new AppError(
        'validation',
        `Период проверки должен быть внутри одного учебного года (${year.name}: с ${ruDate(year.startDate)})`,
      );
    const scope = scopeOf(db, actor, year.id);
    if (input.classId !== undefined) requireClass(db, actor, input.classId);
    const last = input.to < today ? input.to : today;
    const periodsByGrade = new Map<number, ReturnType<typeof periodsOfGrade>>();
    const periodOf = (grade: number, date: string) => {
      if (!periodsByGrade.has(grade)) periodsByGrade.set(grade, periodsOfGrade(db, year.id, grade));
      return periodsByGrade.get(grade)?.find((p) => p.startDate <= date && date <= p.endDate)?.id ?? null;
    };
    const include = (a: { classId: number; teacherId: number }) =>
      (input.classId === undefined || a.classId === input.classId) &&
      (scope.all || scope.classIds.has(a.classId) || a.teacherId === scope.teacherId);
    const rules = {
      minMarks: readSetting(db, 'journal.minMarksPerPeriod'),
      controlMarksDays: readSetting(db, 'journal.controlMarksDays'),
      deadline: readSetting(db, 'journal.entryDeadline'),
    };
    const control = journalControl(controlFacts(db, year.id, input.from, last, input.to, rules), {
      from: input.from,
      to: input.to,
      today,
      rules,
      // A deputy the school; a class teacher their class, as a teacher their own journals.
      include,
      includeClass: (classId) =>
        (input.classId === undefined || classId === input.classId) && (scope.all || scope.classIds.has(classId)),
      periodOf,
    });
    const dueBy = addDays(today, -1) < input.to ? addDays(today, -1) : input.to;
    const overduePeriodMarks = periodMarkGaps(db, year.id, dueBy)
      .filter((g) => include({ classId: g.classId, teacherId: g.teacherId }))
      .map(({ classId: _c, teacherId: _t, ...g }) => g);
    const data = { ...control, overduePeriodMarks };
    const where =
      input.classId !== undefined ? `${data.rows[0]?.className ?? ''} класс` : scope.all ? 'вся школа' : 'свои журналы';
    return { subtitle: `с ${ruDate(input.from)} по ${ruDate(input.to)}, ${where}`, data, tables: controlTables(data) };
  },
  substitutions: (db, actor, input) => substitutionsReport(db, actor, input.month),
};

const noMemo: Memo = (_key, make) => make();

export function buildReport<N extends ReportName>(
  db: Db,
  actor: Actor,
  name: N,
  input: Input<N>,
  today: string,
  memo: Memo = noMemo,
): Envelope<ReportDataOf<N>> {
  const build = builders[name] as Builder<N> | undefined;
  if (!build) throw new AppError('not_found', `Нет такого отчёта: ${name}`);
  return { name, title: reportTitles[name], ...build(db, actor, input, today, memo) };
}
