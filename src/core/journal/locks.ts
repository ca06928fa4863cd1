import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { gradePeriodSchemes, periodLocks, periods } from '../db/schema';

// Asked by every save of a mark or an absence.
const openLockOn = preparedPerDb((db) =>
  db
    .select({ lockId: periodLocks.id, periodName: periods.name })
    .from(periodLocks)
    .innerJoin(periods, eq(periods.id, periodLocks.periodId))
    .innerJoin(
      gradePeriodSchemes,
      and(eq(gradePeriodSchemes.yearId, periods.yearId), eq(gradePeriodSchemes.scheme, periods.scheme)),
    )
    .where(
      and(
        eq(periods.yearId, sql.placeholder('yearId')),
        eq(gradePeriodSchemes.grade, sql.placeholder('grade')),
        lte(periods.startDate, sql.placeholder('date')),
        gte(periods.endDate, sql.placeholder('date')),
        isNull(periodLocks.unlockedAt),
        or(isNull(periodLocks.classId), eq(periodLocks.classId, sql.placeholder('classId'))),
      ),
    )
    .prepare(),
);

/** The lock on the period that holds `date` for a class, if the deputy closed it (for the class or the school). */
export function lockOn(db: Db, where: { yearId: number; classId: number; grade: number; date: string }) {
  return openLockOn(db).get(where);
}

/** A closed period accepts a change only as a correction with a written reason (kept in the audit log). */
export function requireOpenOrReason(db: Db, where: Parameters<typeof lockOn>[1], reason: string | undefined): void {
  const lock = lockOn(db, where);
  if (lock && !(reason && reason.trim().length >= 5)) {
    throw new AppError(
      'locked',
      `Период «${lock.periodName}» закрыт заместителем директора. Попросите открыть его или укажите причину исправления.`,
      {
        period: lock.periodName,
      },
    );
  }
}

/** The open lock on one period for a class (its own, or the whole school's). */
export function periodLockFor(db: Db, periodId: number, classId: number) {
  return db
    .select({ lockId: periodLocks.id, periodName: periods.name })
    .from(periodLocks)
    .innerJoin(periods, eq(periods.id, periodLocks.periodId))
    .where(
      and(
        eq(periodLocks.periodId, periodId),
        isNull(periodLocks.unlockedAt),
        or(isNull(periodLocks.classId), eq(periodLocks.classId, classId)),
      ),
    )
    .get();
}
