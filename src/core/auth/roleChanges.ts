// What a change of someone's roles may not leave behind: an admin locked out of administration, a class with
// a class teacher who is no longer one, a journal whose teacher may no longer write it.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className } from '../../shared/names';
import type { Role } from '../../shared/roles';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { assignments, classes } from '../db/schema';
import { findCurrentYear } from '../school/years';

export function requireRolesCanGo(db: Db, actor: Actor, userId: number, after: readonly Role[]): void {
  if (userId === actor.userId && !after.includes('admin'))
    throw new AppError('conflict', 'Нельзя снять роль администратора с собственной учётной записи', {
      refusal: 'own_account',
    });
  const year = findCurrentYear(db);
  if (!year) return;
  if (!after.includes('class_teacher')) {
    const own = db
      .select({ grade: classes.grade, letter: classes.letter })
      .from(classes)
      .where(and(eq(classes.yearId, year.id), eq(classes.classTeacherId, userId)))
      .get();
    if (own)
      throw new AppError(
        'conflict',
        `Пользователь — классный руководитель ${className(own)}: сначала назначьте классу другого руководителя`,
      );
  }
  if (!after.includes('teacher') && !after.includes('class_teacher')) {
    const teaches = db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.yearId, year.id), eq(assignments.teacherId, userId)))
      .get();
    if (teaches)
      throw new AppError(
        'conflict',
        'У учителя есть нагрузка в текущем учебном году: сначала передайте её другому учителю, потом снимайте роль',
      );
  }
}
