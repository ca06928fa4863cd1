// Нагрузка: who teaches which subject to which class or subgroup, and how many hours a week.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className, shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { assignments, subgroups, timetable, users } from '../db/schema';
import { subjectById } from './catalogs';
import { classRow, requireTeacher } from './classes';
import { lessonHasData, usedAssignments } from './usage';
import { writeTransaction } from '../db/write';

export interface AssignmentInput {
  id?: number | undefined;
  classId: number;
  subgroupId: number | null;
  subjectId: number;
  teacherId: number;
  hoursPerWeek: number;
}

export function assignmentRow(db: Db, id: number) {
  const row = db.select().from(assignments).where(eq(assignments.id, id)).get();
  if (!row) throw new AppError('not_found', 'Нагрузка не найдена');
  return row;
}

/** A subject is taught either to the whole class or by subgroups, never both at once. */
function requireConsistent(db: Db, input: AssignmentInput, subjectName: string, name: string): void {
  const siblings = db
    .select({
      a: assignments,
      subgroupName: subgroups.name,
      lastName: users.lastName,
      firstName: users.firstName,
      middleName: users.middleName,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.teacherId))
    .leftJoin(subgroups, eq(subgroups.id, assignments.subgroupId))
    .where(and(eq(assignments.classId, input.classId), eq(assignments.subjectId, input.subjectId)))
    .all()
    .filter((s) => s.a.id !== input.id);
  const twin = siblings.find((s) => s.a.subgroupId === input.subgroupId);
  if (twin) {
    const whom = twin.subgroupName ? `${name}, ${twin.subgroupName}` : name;
    throw new AppError(
      'conflict',
      `${subjectName} в ${whom} уже ведёт ${shortName(twin)}: измените эту нагрузку, а не добавляйте вторую`,
    );
  }
  if (input.subgroupId === null && siblings.some((s) => s.a.subgroupId !== null)) {
    throw new AppError('validation', `${subjectName} в ${name} ведётся по подгруппам: выберите подгруппу`);
  }
  if (input.subgroupId !== null && siblings.some((s) => s.a.subgroupId === null)) {
    throw new AppError(
      'validation',
      `${subjectName} в ${name} ведётся всем классом: сначала удалите или измените общую нагрузку`,
    );
  }
}

/** Returns the id and, on a change of teacher, how many planned lessons passed to the new one. */
export function saveAssignment(db: Db, input: AssignmentInput, today: string): { id: number; movedLessons: number } {
  const cls = classRow(db, input.classId);
  const subject = subjectById(db, input.subjectId);
  requireTeacher(db, input.teacherId);
  if (input.subgroupId !== null) {
    const g = db.select().from(subgroups).where(eq(subgroups.id, input.subgroupId)).get();
    if (!g || g.classId !== cls.id) throw new AppError('validation', `Подгруппа не из класса ${className(cls)}`);
    if (g.subjectId !== subject.id)
      throw new AppError('validation', `«${g.name}» — подгруппа другого предмета, не «${subject.name}»`);
  }
  const old = input.id ? assignmentRow(db, input.id) : null;
  if (
    old &&
    (old.classId !== input.classId || old.subjectId !== input.subjectId || old.subgroupId !== input.subgroupId) &&
    usedAssignments(db).has(old.id)
  ) {
    throw new AppError(
      'conflict',
      'В журнале этой нагрузки уже есть записи: класс, подгруппу и предмет менять нельзя, можно сменить учителя и часы',
    );
  }
  requireConsistent(db, input, subject.name, className(cls));
  const values = {
    yearId: cls.yearId,
    classId: cls.id,
    subgroupId: input.subgroupId,
    subjectId: subject.id,
    teacherId: input.teacherId,
    hoursPerWeek: input.hoursPerWeek,
  };
  return writeTransaction(db, () => {
    if (!old)
      return { id: db.insert(assignments).values(values).returning({ id: assignments.id }).get().id, movedLessons: 0 };
    db.update(assignments).set(values).where(eq(assignments.id, old.id)).run();
    let movedLessons = 0;
    if (old.teacherId !== input.teacherId) {
      // The new teacher gives the lessons still to come: they appear in their «Мой день». What was given stays with who gave it.
      movedLessons = db.$client
        .prepare(
          `update lessons as l set given_by_id = ? where l.assignment_id = ? and l.given_by_id = ? and l.date >= ? and not ${lessonHasData}`,
        )
        .run(input.teacherId, old.id, old.teacherId, today).changes;
    }
    return { id: old.id, movedLessons };
  });
}

export function deleteAssignment(db: Db, id: number): void {
  const a = assignmentRow(db, id);
  if (usedAssignments(db).has(id)) {
    throw new AppError(
      'conflict',
      'В журнале этой нагрузки уже есть записи (уроки с темами или отметками, КТП, итоговые отметки): удалить её нельзя, можно сменить учителя или часы',
    );
  }
  writeTransaction(db, () => {
    db.$client.prepare('delete from lessons where assignment_id = ?').run(a.id);
    db.delete(timetable).where(eq(timetable.assignmentId, a.id)).run();
    db.delete(assignments).where(eq(assignments.id, a.id)).run();
  });
}
