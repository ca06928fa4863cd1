import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className, shortName } from '../../shared/names';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { classes, periodLocks, periods, users } from '../db/schema';
import { requireOpenYear } from '../years/closed';
import { writeTransaction } from '../db/write';

/** The deputy closes a period for a class or the whole school; reopening takes a written reason. Both audited. */
export function createPeriodLockService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  function list(yearId: number) {
    const rows = db
      .select({
        lock: periodLocks,
        periodName: periods.name,
        grade: classes.grade,
        letter: classes.letter,
        user: users,
      })
      .from(periodLocks)
      .innerJoin(periods, eq(periods.id, periodLocks.periodId))
      .innerJoin(users, eq(users.id, periodLocks.lockedBy))
      .leftJoin(classes, eq(classes.id, periodLocks.classId))
      .where(and(eq(periods.yearId, yearId), isNull(periodLocks.unlockedAt)))
      .orderBy(asc(periods.startDate), asc(periods.scheme), asc(classes.grade), asc(classes.letter))
      .all();
    return rows.map((r) => ({
      id: r.lock.id,
      periodId: r.lock.periodId,
      periodName: r.periodName,
      classId: r.lock.classId,
      className: r.grade === null || r.letter === null ? null : className({ grade: r.grade, letter: r.letter }),
      lockedAt: r.lock.lockedAt,
      lockedBy: shortName(r.user),
    }));
  }

  return {
    locks: (yearId: number) => list(yearId),

    lock(actor: Actor, input: { periodId: number; classId?: number | null }) {
      const period = db.select().from(periods).where(eq(periods.id, input.periodId)).get();
      if (!period) throw new AppError('not_found', 'Такого периода нет');
      requireOpenYear(db, period.yearId);
      const classId = input.classId ?? null;
      if (classId !== null) {
        const cls = db.select().from(classes).where(eq(classes.id, classId)).get();
        if (!cls || cls.yearId !== period.yearId)
          throw new AppError('validation', 'Класс относится к другому учебному году');
      }
      const open = db
        .select({ id: periodLocks.id, classId: periodLocks.classId })
        .from(periodLocks)
        .where(and(eq(periodLocks.periodId, period.id), isNull(periodLocks.unlockedAt)))
        .all();
      if (open.some((l) => l.classId === null || l.classId === classId))
        throw new AppError('conflict', `Период «${period.name}» уже закрыт`, { refusal: 'already' });
      const id = writeTransaction(db, () => {
        const created = db
          .insert(periodLocks)
          .values({ periodId: period.id, classId, lockedAt: localTimestamp(clock.now()), lockedBy: actor.userId })
          .returning({ id: periodLocks.id })
          .get();
        audit.record({
          userId: actor.userId,
          action: 'period.lock',
          entity: 'period_lock',
          entityId: created.id,
          newValue: { periodId: period.id, classId },
        });
        return created.id;
      });
      const made = list(period.yearId).find((l) => l.id === id);
      if (!made) throw new Error('the new lock is not listed');
      return made;
    },

    unlock(actor: Actor, input: { lockId: number; reason: string }): null {
      const lock = db.select().from(periodLocks).where(eq(periodLocks.id, input.lockId)).get();
      if (!lock) throw new AppError('not_found', 'Такой блокировки нет');
      if (lock.unlockedAt) throw new AppError('conflict', 'Период уже открыт', { refusal: 'already' });
      const period = db.select({ yearId: periods.yearId }).from(periods).where(eq(periods.id, lock.periodId)).get();
      if (period) requireOpenYear(db, period.yearId);
      writeTransaction(db, () => {
        db.update(periodLocks)
          .set({ unlockedAt: localTimestamp(clock.now()), unlockedBy: actor.userId, unlockReason: input.reason })
          .where(eq(periodLocks.id, lock.id))
          .run();
        audit.record({
          userId: actor.userId,
          action: 'period.unlock',
          entity: 'period_lock',
          entityId: lock.id,
          oldValue: { periodId: lock.periodId, classId: lock.classId },
          reason: input.reason,
        });
      });
      return null;
    },
  };
}
export type PeriodLockService = ReturnType<typeof createPeriodLockService>;
