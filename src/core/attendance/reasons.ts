import { and, between, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { absences, assignments, lessons } from '../db/schema';
import { requireOpenOrReason } from '../journal/locks';
import { membersDuring } from '../journal/membership';
import type { ClassRow } from './access';
import { daysBetween } from '../../shared/dates';
import { writeTransaction } from '../db/write';

export interface ReasonInput {
  studentId: number;
  from: string;
  to: string;
  code: 'б' | 'у';
  reason: string;
}

/** A medical note or a parents' statement is for days, not for a term: longer ranges are almost always a typo. */
const maxDays = 62;

/**
 * Turns the student's «н» on every lesson of the class in [from, to] into «б» or «у». Every changed cell is
 * written to the audit log with the reason, as a subject teacher's own change would be; all or nothing.
 */
export function setReason(
  deps: { db: Db; clock: Clock; audit: AuditService },
  actor: Actor,
  cls: ClassRow,
  input: ReasonInput,
): { changed: number } {
  const { db, clock, audit } = deps;
  if (input.from > input.to) throw new AppError('validation', 'Дата начала позже даты окончания');
  if (daysBetween(input.from, input.to) >= maxDays)
    throw new AppError('validation', `Слишком длинный промежуток: не больше ${maxDays} дней за раз`);
  if (membersDuring(db, { classId: cls.id, subgroupId: null }, input.from, input.to, input.studentId).length === 0) {
    throw new AppError('validation', `Ученик не числится в ${cls.name} классе в эти дни`);
  }
  const unexcused = db
    .select({ id: absences.id, lessonId: absences.lessonId, date: lessons.date })
    .from(absences)
    .innerJoin(lessons, eq(lessons.id, absences.lessonId))
    .where(
      and(
        eq(absences.studentId, input.studentId),
        eq(absences.code, 'н'),
        between(lessons.date, input.from, input.to),
        inArray(
          lessons.assignmentId,
          db.select({ id: assignments.id }).from(assignments).where(eq(assignments.classId, cls.id)),
        ),
      ),
    )
    .all();
  // A closed period takes the change only as a correction: the note's reason is that correction's reason.
  for (const date of new Set(unexcused.map((a) => a.date))) {
    requireOpenOrReason(db, { yearId: cls.yearId, classId: cls.id, grade: cls.grade, date }, input.reason);
  }
  const now = localTimestamp(clock.now());
  writeTransaction(db, () => {
    for (const a of unexcused) {
      db.update(absences)
        .set({ code: input.code, updatedAt: now, updatedBy: actor.userId })
        .where(eq(absences.id, a.id))
        .run();
      audit.record({
        userId: actor.userId,
        action: 'absence.set',
        entity: 'cell',
        entityId: `${a.lessonId}:${input.studentId}`,
        oldValue: 'н',
        newValue: input.code,
        reason: input.reason,
      });
    }
  });
  return { changed: unexcused.length };
}
