// Classes of a year with their class teachers, and the curriculum (hours per week per subject per grade).
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className, shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { classes, curriculum, userRoles, users } from '../db/schema';
import { subjectById } from './catalogs';
import { usedClasses } from './usage';
import { writeTransaction } from '../db/write';

export interface ClassInput {
  id?: number | undefined;
  yearId: number;
  grade: number;
  letter: string;
  shift: number;
  classTeacherId: number | null;
}

export interface CurriculumInput {
  yearId: number;
  grade: number;
  subjectId: number;
  hoursPerWeek: number;
  hoursPerYear: number;
  splitIntoSubgroups: boolean;
}

export function classRow(db: Db, id: number) {
  const row = db.select().from(classes).where(eq(classes.id, id)).get();
  if (!row) throw new AppError('not_found', 'Класс не найден');
  return row;
}

/** An active user who teaches: the only kind of person who may lead a class or hold an assignment. */
export function requireTeacher(db: Db, userId: number) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  const teaches = db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, ['teacher', 'class_teacher'])))
    .get();
  if (!user || !teaches) throw new AppError('validation', 'Выберите учителя: у этого пользователя нет роли «Учитель»');
  if (!user.isActive) throw new AppError('validation', `${shortName(user)}: учётная запись отключена`);
  return user;
}

/** Returns whether the class teacher's role had to be granted (the caller audits it). */
export function saveClass(db: Db, input: ClassInput): { id: number; grantedRole: boolean } {
  const name = className(input);
  const twin = db
    .select()
    .from(classes)
    .where(and(eq(classes.yearId, input.yearId), eq(classes.grade, input.grade), eq(classes.letter, input.letter)))
    .get();
  if (twin && twin.id !== input.id)
    throw new AppError('conflict', `Класс ${name} в этом учебном году уже есть`, { refusal: 'exists' });
  if (input.id) {
    const old = classRow(db, input.id);
    if (old.grade !== input.grade && usedClasses(db).has(old.id)) {
      throw new AppError(
        'conflict',
        `У класса ${className(old)} уже есть ученики или журналы: параллель менять нельзя, можно изменить литеру, смену и классного руководителя`,
      );
    }
  }
  let grantedRole = false;
  if (input.classTeacherId !== null) {
    const teacher = requireTeacher(db, input.classTeacherId);
    const other = db
      .select()
      .from(classes)
      .where(and(eq(classes.yearId, input.yearId), eq(classes.classTeacherId, input.classTeacherId)))
      .all()
      .find((c) => c.id !== input.id);
    if (other)
      throw new AppError('conflict', `${shortName(teacher)} уже классный руководитель ${className(other)}`, {
        refusal: 'exists',
      });
    const role = db
      .select()
      .from(userRoles)
      .where(and(eq(userRoles.userId, teacher.id), eq(userRoles.role, 'class_teacher')))
      .get();
    grantedRole = !role;
  }
  const values = {
    yearId: input.yearId,
    grade: input.grade,
    letter: input.letter,
    shift: input.shift,
    classTeacherId: input.classTeacherId,
  };
  const id = writeTransaction(db, () => {
    // The role is what lets the class teacher check the class's attendance.
    if (grantedRole && input.classTeacherId !== null)
      db.insert(userRoles).values({ userId: input.classTeacherId, role: 'class_teacher' }).run();
    if (input.id) {
      db.update(classes).set(values).where(eq(classes.id, input.id)).run();
      return input.id;
    }
    return db.insert(classes).values(values).returning({ id: classes.id }).get().id;
  });
  return { id, grantedRole };
}

export function deleteClass(db: Db, id: number): string {
  const cls = classRow(db, id);
  if (usedClasses(db).has(id)) {
    throw new AppError(
      'conflict',
      `В классе ${className(cls)} уже есть ученики, нагрузка или журналы: удалить его нельзя, можно изменить литеру или классного руководителя`,
    );
  }
  db.delete(classes).where(eq(classes.id, id)).run();
  return className(cls);
}

/** One row per grade × subject: saving the same pair again changes its hours. */
export function saveCurriculum(db: Db, input: CurriculumInput): number {
  const subject = subjectById(db, input.subjectId);
  if (input.hoursPerYear < input.hoursPerWeek) {
    throw new AppError(
      'validation',
      `${subject.name}: часов в год (${input.hoursPerYear}) меньше, чем часов в неделю (${input.hoursPerWeek})`,
    );
  }
  const values = {
    hoursPerWeek: input.hoursPerWeek,
    hoursPerYear: input.hoursPerYear,
    splitIntoSubgroups: input.splitIntoSubgroups,
  };
  const existing = db
    .select()
    .from(curriculum)
    .where(
      and(
        eq(curriculum.yearId, input.yearId),
        eq(curriculum.grade, input.grade),
        eq(curriculum.subjectId, input.subjectId),
      ),
    )
    .get();
  if (existing) {
    db.update(curriculum).set(values).where(eq(curriculum.id, existing.id)).run();
    return existing.id;
  }
  return db
    .insert(curriculum)
    .values({ yearId: input.yearId, grade: input.grade, subjectId: input.subjectId, ...values })
    .returning({ id: curriculum.id })
    .get().id;
}

export function deleteCurriculum(db: Db, id: number): void {
  const row = db.select().from(curriculum).where(eq(curriculum.id, id)).get();
  if (!row) throw new AppError('not_found', 'Строка учебного плана не найдена');
  db.delete(curriculum).where(eq(curriculum.id, id)).run();
}
