// Reading pupils' cards: the student row with its parents, and who may open which class's cards.
import { asc, eq, inArray } from 'drizzle-orm';
import type { PupilCard, PupilParent } from '../../shared/contract/pupils';
import { AppError } from '../../shared/errors';
import { className, compareByName } from '../../shared/names';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { classes, studentParents, students } from '../db/schema';

type ClassRow = typeof classes.$inferSelect;

/**
 * The class whose cards the actor may open: every class for holders of `pupils.all_classes` (the secretary, the
 * admin, the deputy), otherwise only a class the actor leads. Subject teachers never get here (no pupils.read).
 */
export function cardClass(db: Db, actor: Actor, classId: number): ClassRow {
  const row = db.select().from(classes).where(eq(classes.id, classId)).get();
  if (!row) throw new AppError('not_found', 'Такого класса нет');
  if (!mayAccess('pupils.all_classes', actor.roles) && row.classTeacherId !== actor.userId)
    throw new AppError(
      'forbidden',
      `Анкетные данные учеников ${className(row)} класса видят его классный руководитель, секретарь и администрация`,
    );
  return row;
}

/** Whether the actor may read the cards of the class (cardClass without the refusal). */
export function mayReadCards(db: Db, actor: Actor, classId: number): boolean {
  if (!mayAccess('pupils.read', actor.roles)) return false;
  if (mayAccess('pupils.all_classes', actor.roles)) return true;
  const row = db.select({ teacher: classes.classTeacherId }).from(classes).where(eq(classes.id, classId)).get();
  return row?.teacher === actor.userId;
}

/** The classes of a student (every year), for deciding whether the actor leads one of them. */
export function classesOfStudent(db: Db, studentId: number): number[] {
  return db.$client
    .prepare('select distinct class_id from class_enrollments where student_id = ?')
    .pluck()
    .all(studentId) as number[];
}

/** The student whose card the actor may change: any for `pupils.all_classes`, else one ever in a class they lead. */
export function editableStudent(db: Db, actor: Actor, studentId: number) {
  const row = db.select().from(students).where(eq(students.id, studentId)).get();
  if (!row) throw new AppError('not_found', 'Такого ученика нет');
  if (mayAccess('pupils.all_classes', actor.roles)) return row;
  const ids = classesOfStudent(db, studentId);
  const led = ids.length
    ? db.select({ teacher: classes.classTeacherId }).from(classes).where(inArray(classes.id, ids)).all()
    : [];
  if (!led.some((c) => c.teacher === actor.userId))
    throw new AppError('forbidden', 'Анкетные данные ученика исправляют его классный руководитель и секретарь');
  return row;
}

export const parsePhones = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Each student's parents in the card's order. */
export function parentsOf(db: Db, studentIds: readonly number[]): Map<number, PupilParent[]> {
  const out = new Map<number, PupilParent[]>();
  if (studentIds.length === 0) return out;
  const rows = db
    .select()
    .from(studentParents)
    .where(inArray(studentParents.studentId, [...studentIds]))
    .orderBy(asc(studentParents.studentId), asc(studentParents.position))
    .all();
  for (const r of rows)
    out.set(r.studentId, [
      ...(out.get(r.studentId) ?? []),
      { fullName: r.fullName, relation: r.relation, phones: parsePhones(r.phones) },
    ]);
  return out;
}

type StudentRow = typeof students.$inferSelect;

export const cardOf = (s: StudentRow, parents: PupilParent[], left: string | null): PupilCard => ({
  studentId: s.id,
  lastName: s.lastName,
  firstName: s.firstName,
  middleName: s.middleName,
  birthDate: s.birthDate,
  gender: s.gender,
  personalFileNo: s.personalFileNo,
  address: s.address,
  parents,
  left,
});

/** Every pupil of the class this year with the card: those on the roll alphabetically, then those who left. */
export function classCards(db: Db, classId: number): PupilCard[] {
  const spans = db.$client
    .prepare(
      `select student_id as studentId, max(case when end_date is null then '9999-12-31' else end_date end) as lastDay
       from class_enrollments where class_id = ? group by student_id`,
    )
    .all(classId) as Array<{ studentId: number; lastDay: string }>;
  const ids = spans.map((s) => s.studentId);
  const people = ids.length ? db.select().from(students).where(inArray(students.id, ids)).all() : [];
  const parents = parentsOf(db, ids);
  const leftOn = new Map(spans.map((s) => [s.studentId, s.lastDay === '9999-12-31' ? null : s.lastDay]));
  return people
    .sort((a, b) => Number(leftOn.get(a.id) !== null) - Number(leftOn.get(b.id) !== null) || compareByName(a, b))
    .map((p) => cardOf(p, parents.get(p.id) ?? [], leftOn.get(p.id) ?? null));
}
