// The class teacher's report, movement, class fill, the year's outcomes and the parents' statement.
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { reportInputs } from '../../shared/contract/reports';
import type {
  ClassTeacherData,
  FillData,
  MovementData,
  OutcomesData,
  StatementData,
} from '../../shared/contract/report-data';
import type { ReportTable } from '../../shared/contract/report-table';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { classTeacherReport } from './class-teacher';
import { classFill, movementReport } from './movement';
import { yearOutcomes } from './outcomes';
import { classesOf, rosterDuring } from './roster';
import { requireClass, scopeOf } from './scope';
import { parentsStatement } from './statement';
import { mayReadCards, parentsOf } from '../pupils/cards';
import { ruDate } from '../../shared/dates';
import { classTeacherTables, fillTables, movementTables, outcomesTables, statementTables } from './tables/school';
import { periodById, resolveTerm } from './terms';
import { yearById, yearOfDate, yearOrCurrent } from '../school/years';

type In<K extends keyof typeof reportInputs> = z.output<(typeof reportInputs)[K]>;
interface Built<D> {
  subtitle: string;
  data: D;
  tables: ReportTable[];
}

/** The classes of a year the actor may see: all for the school's readers, their own for a class teacher. */
function visibleClasses(db: Db, actor: Actor, yearId: number) {
  const scope = scopeOf(db, actor, yearId);
  const list = classesOf(db, yearId).filter((c) => scope.all || scope.classIds.has(c.id));
  if (list.length === 0)
    throw new AppError(
      'forbidden',
      'Этот отчёт доступен классным руководителям (по своему классу) и администрации школы',
    );
  return { list, all: scope.all };
}

export const schoolBuilders = {
  classTeacher(db: Db, actor: Actor, input: In<'classTeacher'>, today: string): Built<ClassTeacherData> {
    const cls = requireClass(db, actor, input.classId);
    const term = resolveTerm(db, cls.yearId, input.periodId);
    const data = classTeacherReport(db, cls, term, today);
    return { subtitle: `${cls.name} класс, ${term.name}`, data, tables: classTeacherTables(data) };
  },
  movement(db: Db, actor: Actor, input: In<'movement'>, today: string): Built<MovementData> {
    const year = yearOrCurrent(db, input.yearId);
    const { list, all } = visibleClasses(db, actor, year.id);
    const data = movementReport(db, year, list, today, all);
    return {
      subtitle: `${year.name} учебный год, ${all ? 'вся школа' : `${list.map((c) => c.name).join(', ')} класс`}`,
      data,
      tables: movementTables(data),
    };
  },
  fill(db: Db, actor: Actor, input: In<'fill'>): Built<FillData> {
    const year = yearOfDate(db, input.date);
    const { list, all } = visibleClasses(db, actor, year.id);
    const data = classFill(db, list, input.date);
    return {
      subtitle: `на ${ruDate(input.date)}, ${all ? 'вся школа' : 'свой класс'}`,
      data,
      tables: fillTables(data),
    };
  },
  outcomes(db: Db, actor: Actor, input: In<'outcomes'>, today: string): Built<OutcomesData> {
    const year =
      input.classId !== undefined
        ? yearById(db, requireClass(db, actor, input.classId).yearId)
        : yearOrCurrent(db, input.yearId);
    const classes =
      input.classId !== undefined ? [requireClass(db, actor, input.classId)] : visibleClasses(db, actor, year.id).list;
    const data = yearOutcomes(db, year, classes, today);
    return {
      subtitle: `${year.name} учебный год${input.classId !== undefined ? `, ${classes[0]!.name} класс` : ''}`,
      data,
      tables: outcomesTables(data),
    };
  },
  statement(db: Db, actor: Actor, input: In<'statement'>, today: string): Built<StatementData> {
    const cls = requireClass(db, actor, input.classId);
    const year = yearById(db, cls.yearId);
    const student = rosterDuring(db, [cls.id], year.startDate, year.endDate).find(
      (r) => r.studentId === input.studentId,
    );
    if (!student) throw new AppError('not_found', `Такого ученика в ${cls.name} классе нет`);
    const period = periodById(db, input.periodId);
    const term = resolveTerm(db, cls.yearId, period.id);
    const own = term.periodOfGrade.get(cls.grade);
    if (!own) throw new AppError('validation', `У ${cls.name} класса нет периода «${period.name}»`);
    const data = parentsStatement(
      db,
      { id: student.studentId, name: student.name },
      cls,
      own,
      `${own.name} ${year.name} учебного года`,
      today,
      mayReadCards(db, actor, cls.id)
        ? (parentsOf(db, [student.studentId]).get(student.studentId) ?? []).map((p) => `${p.fullName} (${p.relation})`)
        : [],
    );
    return { subtitle: `${student.name}, ${cls.name} класс, ${own.name}`, data, tables: statementTables(data) };
  },
};
