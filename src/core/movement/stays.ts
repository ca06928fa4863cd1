// Where a student is on a date: the class enrollment and the subgroup memberships that hold it, and the
// subgroups of a class a newcomer is placed into. A stay's end is its last day (inclusive); a movement's date
// is the first day in the new situation, so the old stay ends the day before.
import { and, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { ruDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { className, fullName } from '../../shared/names';
import type { Db } from '../db/open';
import { classEnrollments, classes, schoolYears, students, subgroupMembers, subgroups, subjects } from '../db/schema';

export function studentRow(db: Db, studentId: number) {
  const s = db.select().from(students).where(eq(students.id, studentId)).get();
  if (!s) throw new AppError('not_found', 'Такого ученика нет');
  return { ...s, name: fullName(s) };
}

export function classRow(db: Db, classId: number) {
  const row = db
    .select({ c: classes, y: schoolYears })
    .from(classes)
    .innerJoin(schoolYears, eq(schoolYears.id, classes.yearId))
    .where(eq(classes.id, classId))
    .get();
  if (!row) throw new AppError('not_found', 'Такого класса нет');
  return { ...row.c, name: className(row.c), year: row.y };
}
export type ClassRow = ReturnType<typeof classRow>;

/** The movement must fall inside the class's school year. */
export function requireInYear(cls: ClassRow, date: string, what: string): void {
  if (date < cls.year.startDate || date > cls.year.endDate) {
    throw new AppError(
      'validation',
      `${what} должна быть в пределах ${cls.year.name} учебного года (${ruDate(cls.year.startDate)} — ${ruDate(cls.year.endDate)})`,
    );
  }
}

/** The enrollment that holds the student on a date, with its class. */
export function enrollmentOn(db: Db, studentId: number, date: string) {
  return db
    .select({ e: classEnrollments, c: classes })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(
      and(
        eq(classEnrollments.studentId, studentId),
        lte(classEnrollments.startDate, date),
        or(isNull(classEnrollments.endDate), gte(classEnrollments.endDate, date)),
      ),
    )
    .get();
}

/** The student's latest stay that began before a date (to say where he left from). */
export function lastStayBefore(db: Db, studentId: number, date: string) {
  return db
    .select({ e: classEnrollments, c: classes })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(and(eq(classEnrollments.studentId, studentId), lte(classEnrollments.startDate, date)))
    .orderBy(desc(classEnrollments.startDate))
    .get();
}

/** Ends the open subgroup memberships a student has in one class's subgroups on the day before `date`. */
export function closeSubgroups(db: Db, studentId: number, classId: number, lastDay: string): void {
  const ids = db
    .select({ id: subgroups.id })
    .from(subgroups)
    .where(eq(subgroups.classId, classId))
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return;
  db.update(subgroupMembers)
    .set({ endDate: lastDay })
    .where(
      and(
        eq(subgroupMembers.studentId, studentId),
        inArray(subgroupMembers.subgroupId, ids),
        or(isNull(subgroupMembers.endDate), gte(subgroupMembers.endDate, lastDay)),
      ),
    )
    .run();
}

/** The subgroups of a class with their subject and how many are in each on a date. */
export function subgroupsOf(db: Db, classId: number, date: string) {
  const list = db
    .select({ id: subgroups.id, name: subgroups.name, subjectId: subgroups.subjectId, subjectName: subjects.name })
    .from(subgroups)
    .innerJoin(subjects, eq(subjects.id, subgroups.subjectId))
    .where(eq(subgroups.classId, classId))
    .orderBy(subjects.sortOrder, subgroups.name)
    .all();
  const count = db.$client.prepare(
    'select count(*) as n from subgroup_members where subgroup_id = ? and start_date <= ? and (end_date is null or end_date >= ?)',
  );
  return list.map((g) => ({ ...g, members: (count.get(g.id, date, date) as { n: number }).n }));
}

/**
 * A newcomer to a class joins, for each subject the class is split for, the subgroup with the fewest students
 * on the date (the first one on a tie), so every subgroup journal lists him; the secretary can change it later.
 */
export function joinSubgroups(db: Db, studentId: number, classId: number, date: string, orderNumber: string): void {
  const bySubject = new Map<number, ReturnType<typeof subgroupsOf>>();
  for (const g of subgroupsOf(db, classId, date))
    bySubject.set(g.subjectId, [...(bySubject.get(g.subjectId) ?? []), g]);
  for (const groups of bySubject.values()) {
    const target = [...groups].sort((a, b) => a.members - b.members || a.name.localeCompare(b.name, 'ru'))[0];
    if (target)
      db.insert(subgroupMembers)
        .values({ subgroupId: target.id, studentId, startDate: date, endDate: null, orderNumber })
        .run();
  }
}
