import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { className, compareByName, fullName, shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { classEnrollments, classes, students, users } from '../db/schema';

export interface ClassInfo {
  id: number;
  yearId: number;
  grade: number;
  letter: string;
  name: string;
  shift: number;
  classTeacherId: number | null;
  classTeacherName: string | null;
}

/** The classes of a year in the order of the school's lists: by grade, then letter. */
export function classesOf(db: Db, yearId: number, classIds?: readonly number[]): ClassInfo[] {
  const rows = db
    .select({ c: classes, t: users })
    .from(classes)
    .leftJoin(users, eq(users.id, classes.classTeacherId))
    .where(and(eq(classes.yearId, yearId), classIds ? inArray(classes.id, [...classIds]) : undefined))
    .all();
  return rows
    .map(({ c, t }) => ({
      id: c.id,
      yearId: c.yearId,
      grade: c.grade,
      letter: c.letter,
      name: className(c),
      shift: c.shift,
      classTeacherId: c.classTeacherId,
      classTeacherName: t ? shortName(t) : null,
    }))
    .sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));
}

export interface RosterEntry {
  studentId: number;
  name: string;
  classId: number;
  /** Inclusive dates of this stay in the class (end null: still there). */
  startDate: string;
  endDate: string | null;
}

/** Who was in these classes at some point between two dates (one line per stay), alphabetical within a class. */
export function rosterDuring(db: Db, classIds: readonly number[], from: string, to: string): RosterEntry[] {
  if (classIds.length === 0) return [];
  const rows = db
    .select({ e: classEnrollments, s: students })
    .from(classEnrollments)
    .innerJoin(students, eq(students.id, classEnrollments.studentId))
    .where(
      and(
        inArray(classEnrollments.classId, [...classIds]),
        lte(classEnrollments.startDate, to),
        or(isNull(classEnrollments.endDate), gte(classEnrollments.endDate, from)),
      ),
    )
    .all();
  rows.sort((a, b) => compareByName(a.s, b.s));
  return rows.map(({ e, s }) => ({
    studentId: s.id,
    name: fullName(s),
    classId: e.classId,
    startDate: e.startDate,
    endDate: e.endDate,
  }));
}

/** The roll of the classes on one date. */
export const rosterOn = (db: Db, classIds: readonly number[], date: string) => rosterDuring(db, classIds, date, date);

/** Numbers the students of one class 1, 2, 3 … in alphabetical order, one line per student. */
export function numbered<T extends { studentId: number; name: string }>(
  list: readonly T[],
): Array<T & { number: number }> {
  const seen = new Set<number>();
  const out: Array<T & { number: number }> = [];
  for (const r of list) {
    if (seen.has(r.studentId)) continue;
    seen.add(r.studentId);
    out.push({ ...r, number: out.length + 1 });
  }
  return out;
}
