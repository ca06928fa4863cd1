import type { z } from 'zod';
import type { reportInputs } from '../../shared/contract/reports';
import type { ForecastData } from '../../shared/contract/report-data';
import { className, shortName } from '../../shared/names';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { readSetting } from '../school/settings';
import { forecastReport, type ForecastJournal } from './forecast';
import { measureForecast } from './forecast-accuracy';
import { classesOf } from './roster';
import { requireClass, scopeOf } from './scope';
import { forecastTables } from './tables/forecast';
import { periodById, resolveTerm } from './terms';
import type { Memo } from './envelope';

/** The forecast with its accuracy: a class's every student and subject, or the school's students at risk. */
export function buildForecast(
  db: Db,
  actor: Actor,
  input: z.output<typeof reportInputs.forecast>,
  today: string,
  memo: Memo,
) {
  const period = periodById(db, input.periodId);
  const term = resolveTerm(db, period.yearId, period.id);
  const scope = scopeOf(db, actor, period.yearId);
  const own = (a: { classId: number; teacherId: number }) =>
    scope.all || scope.classIds.has(a.classId) || a.teacherId === scope.teacherId;
  const journals = db.$client
    .prepare(
      `select a.id, a.class_id as classId, a.subgroup_id as subgroupId, a.subject_id as subjectId, s.name as subjectName, s.sort_order as subjectOrder,
              a.teacher_id as teacherId, u.last_name as lastName, u.first_name as firstName, u.middle_name as middleName
       from assignments a join subjects s on s.id = a.subject_id join users u on u.id = a.teacher_id where a.year_id = ?`,
    )
    .all(period.yearId) as Array<
    ForecastJournal & { teacherId: number; lastName: string; firstName: string; middleName: string | null }
  >;
  const visible = journals.filter(own).map((j) => ({ ...j, teacherName: shortName(j) }));
  const classes =
    input.classId !== undefined
      ? [requireClass(db, actor, input.classId)]
      : classesOf(db, period.yearId).filter((c) => visible.some((j) => j.classId === c.id));
  const rules = {
    useWeights: readSetting(db, 'marks.useWeights'),
    rounding: readSetting(db, 'marks.rounding'),
    minMarks: readSetting(db, 'journal.minMarksPerPeriod'),
  };
  const asOf = input.asOf ?? today;
  const data: ForecastData = {
    ...forecastReport(
      db,
      term,
      classes,
      (classId) => visible.filter((j) => j.classId === classId),
      asOf,
      rules,
      input.classId !== undefined,
    ),
    // Replaying the history takes seconds on a large school and changes only with finished periods: once a day.
    accuracy: memo(`forecast-accuracy:${today}:${JSON.stringify(rules)}`, () => measureForecast(db, today, rules)),
  };
  const where =
    input.classId !== undefined ? `${className(classes[0]!)} класс` : scope.all ? 'вся школа' : 'свои классы и журналы';
  return { subtitle: `${term.name}, ${where}`, data, tables: forecastTables(data, input.classId !== undefined) };
}
