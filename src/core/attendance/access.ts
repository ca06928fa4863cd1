import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className } from '../../shared/names';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { classes } from '../db/schema';
import { requireOpenYear } from '../years/closed';

export type ClassRow = typeof classes.$inferSelect & { name: string };

/**
 * The class whose attendance the actor may see ('read': its class teacher, or anyone who reads every journal)
 * or check and correct ('verify': its class teacher only). Checked here, in the core, for every transport.
 */
export function attendanceClass(db: Db, actor: Actor, classId: number, mode: 'read' | 'verify'): ClassRow {
  const row = db.select().from(classes).where(eq(classes.id, classId)).get();
  if (!row) throw new AppError('not_found', 'Такого класса нет');
  const own = row.classTeacherId === actor.userId && mayAccess('attendance.verify', actor.roles);
  if (mode === 'verify' && !own)
    throw new AppError('forbidden', `Посещаемость ${className(row)} класса проверяет его классный руководитель`);
  if (mode === 'verify') requireOpenYear(db, row.yearId);
  if (mode === 'read' && !own && !mayAccess('journal.read_all', actor.roles)) {
    throw new AppError(
      'forbidden',
      `Посещаемость ${className(row)} класса видит его классный руководитель и администрация школы`,
    );
  }
  return { ...row, name: className(row) };
}
