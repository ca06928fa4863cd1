import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { userRoles, users } from '../db/schema';

const teaching = () => and(eq(users.isActive, true), inArray(userRoles.role, ['teacher', 'class_teacher']));

/** Who may be recorded as having given a lesson: the school's working teachers, by name. */
export function workingTeachers(db: Db): { id: number; name: string }[] {
  const rows = db
    .selectDistinct({
      id: users.id,
      lastName: users.lastName,
      firstName: users.firstName,
      middleName: users.middleName,
    })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(teaching())
    .all();
  return rows.map((u) => ({ id: u.id, name: shortName(u) })).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export function requireWorkingTeacher(db: Db, userId: number): void {
  const row = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, userId), teaching()))
    .get();
  if (!row) throw new AppError('validation', 'Урок может провести только работающий учитель школы');
}
