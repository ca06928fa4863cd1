// Who sees what in the reports: deputy, director and admin — the school; a class
// teacher — their class; a subject teacher — their own assignments.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { classes } from '../db/schema';
import { classesOf, type ClassInfo } from './roster';

export interface Scope {
  all: boolean;
  /** Classes whose class teacher the actor is. */
  classIds: Set<number>;
  teacherId: number;
}

export function scopeOf(db: Db, actor: Actor, yearId: number): Scope {
  const all = mayAccess('journal.read_all', actor.roles);
  const own = all
    ? []
    : db
        .select({ id: classes.id })
        .from(classes)
        .where(and(eq(classes.yearId, yearId), eq(classes.classTeacherId, actor.userId)))
        .all();
  return { all, classIds: new Set(own.map((c) => c.id)), teacherId: actor.userId };
}

/** A class the actor may report on: any for the school's readers, their own for a class teacher. */
export function requireClass(db: Db, actor: Actor, classId: number): ClassInfo {
  const row = db.select({ yearId: classes.yearId }).from(classes).where(eq(classes.id, classId)).get();
  if (!row) throw new AppError('not_found', 'Такого класса нет');
  const scope = scopeOf(db, actor, row.yearId);
  if (!scope.all && !scope.classIds.has(classId))
    throw new AppError('forbidden', 'Отчёты по этому классу доступны его классному руководителю и администрации школы');
  return classesOf(db, row.yearId, [classId])[0]!;
}

/** Keeps what a limited actor may see of a set of marks: their classes' and their own teaching. */
export function visibleMark(scope: Scope, m: { classId: number; teacherId: number | null }): boolean {
  return scope.all || scope.classIds.has(m.classId) || m.teacherId === scope.teacherId;
}
