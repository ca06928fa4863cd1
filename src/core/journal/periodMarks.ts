import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { PeriodMarkValue } from '../../shared/contract/common';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { gradePeriodSchemes, periodMarks, periods } from '../db/schema';
import { readSetting } from '../school/settings';
import { ownJournal } from './access';
import { periodLockFor } from './locks';
import { membersDuring } from './membership';
import { refuseAsConflict, replayOf, saveOnce, type SaveOp } from './saves';

export type FinalKind = 'period' | 'year' | 'exam' | 'final';

export interface PeriodMarkInput {
  assignmentId: number;
  studentId: number;
  kind: FinalKind;
  periodId?: number;
  value: PeriodMarkValue | null;
  reason?: string;
  /** The value the client last saw; absent: no check. */
  expected?: PeriodMarkValue | null;
  saveId?: string;
}

/** The periods a grade follows in a year, in order. */
export function periodsOfGrade(db: Db, yearId: number, grade: number) {
  return db
    .select({
      id: periods.id,
      name: periods.name,
      number: periods.number,
      startDate: periods.startDate,
      endDate: periods.endDate,
      scheme: periods.scheme,
    })
    .from(periods)
    .innerJoin(
      gradePeriodSchemes,
      and(eq(gradePeriodSchemes.yearId, periods.yearId), eq(gradePeriodSchemes.scheme, periods.scheme)),
    )
    .where(and(eq(periods.yearId, yearId), eq(gradePeriodSchemes.grade, grade)))
    .orderBy(asc(periods.number))
    .all();
}

/** Which values the school accepts as a period, year, exam or final mark. */
function checkValue(db: Db, value: PeriodMarkValue): void {
  if (value === 'осв' && !readSetting(db, 'marks.allowExempt'))
    throw new AppError('validation', 'В школе не принята отметка «осв»');
  if ((value === 'зач' || value === 'незач') && !readSetting(db, 'marks.allowPassFail'))
    throw new AppError('validation', `В школе не приняты отметки «зач» и «незач»`);
  if (value === '1' && readSetting(db, 'marks.scale') === '2-5') {
    throw new AppError('validation', 'В школе принята шкала отметок от 2 до 5: отметку «1» поставить нельзя');
  }
}

/**
 * Period, year, exam and final marks. Only the teacher of the journal sets them (a substitute gives lessons, not
 * period marks); a closed period takes a correction with a written reason; every change is in the audit log.
 */
export function createPeriodMarkService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  return {
    set(actor: Actor, input: PeriodMarkInput): PeriodMarkValue | null {
      const op: SaveOp = { actor, channel: 'journal:setPeriodMark', saveId: input.saveId };
      const replay = replayOf(db, op);
      if (replay) return replay.value as PeriodMarkValue | null;
      const { assignment, grade } = ownJournal(
        db,
        actor,
        input.assignmentId,
        'Итоговые отметки ставит учитель, который ведёт этот журнал',
      );
      if (grade === 1) throw new AppError('validation', 'В 1 классе отметки не ставятся');
      if (input.value) checkValue(db, input.value);

      const own = periodsOfGrade(db, assignment.yearId, grade);
      const last = own.at(-1);
      if (!last) throw new AppError('validation', `Для ${grade}-х классов не заданы учебные периоды`);
      let span = { start: own[0]!.startDate, end: last.endDate, periodId: last.id };
      if (input.kind === 'period') {
        const period = own.find((p) => p.id === input.periodId);
        if (!period) throw new AppError('validation', 'Укажите учебный период этого класса');
        span = { start: period.startDate, end: period.endDate, periodId: period.id };
      }
      if (membersDuring(db, assignment, span.start, span.end, input.studentId).length === 0) {
        throw new AppError('validation', 'Ученик не числится в этом классе (группе) в этот период');
      }
      // Year, exam and final marks are closed with the year's last period.
      const lock = periodLockFor(db, span.periodId, assignment.classId);
      if (lock && !(input.reason && input.reason.trim().length >= 5)) {
        throw new AppError(
          'locked',
          `Период «${lock.periodName}» закрыт заместителем директора. Попросите открыть его или укажите причину исправления.`,
          { period: lock.periodName },
        );
      }

      const periodId = input.kind === 'period' ? span.periodId : null;
      const key = and(
        eq(periodMarks.studentId, input.studentId),
        eq(periodMarks.subjectId, assignment.subjectId),
        eq(periodMarks.yearId, assignment.yearId),
        eq(periodMarks.kind, input.kind),
        periodId === null ? isNull(periodMarks.periodId) : eq(periodMarks.periodId, periodId),
      );
      const now = localTimestamp(clock.now());
      const entityId = periodMarkKey(input.studentId, assignment.subjectId, input.kind, periodId);
      const context = { classId: assignment.classId };
      return saveOnce(db, clock, op, () => {
        const before = db.select().from(periodMarks).where(key).get();
        const was = (before?.value ?? null) as PeriodMarkValue | null;
        if (was === input.value) return { value: input.value };
        if (input.expected !== undefined && was !== input.expected)
          return refuseAsConflict(db, audit, {
            actor,
            prefix: 'period_mark',
            entity: 'period_mark',
            entityId,
            actions: ['period_mark.set', 'period_mark.clear'],
            current: was,
            attempted: input.value,
            reason: input.reason,
            context,
          });
        if (input.value === null) db.delete(periodMarks).where(eq(periodMarks.id, before!.id)).run();
        else if (before)
          db.update(periodMarks)
            .set({ value: input.value, assignmentId: assignment.id, updatedAt: now, updatedBy: actor.userId })
            .where(eq(periodMarks.id, before.id))
            .run();
        else {
          db.insert(periodMarks)
            .values({
              studentId: input.studentId,
              subjectId: assignment.subjectId,
              yearId: assignment.yearId,
              kind: input.kind,
              periodId,
              value: input.value,
              assignmentId: assignment.id,
              createdAt: now,
              createdBy: actor.userId,
            })
            .run();
        }
        audit.record({
          userId: actor.userId,
          action: input.value === null ? 'period_mark.clear' : 'period_mark.set',
          entity: 'period_mark',
          entityId,
          oldValue: was,
          newValue: input.value,
          reason: input.reason,
          context,
        });
        return { value: input.value };
      });
    },

    /** Every final mark of the journal's students in a year: the «Итоговые» page. */
    ofYear(assignment: { subjectId: number; yearId: number }, studentIds: number[]) {
      if (studentIds.length === 0) return [];
      return db
        .select({
          studentId: periodMarks.studentId,
          kind: periodMarks.kind,
          periodId: periodMarks.periodId,
          value: periodMarks.value,
        })
        .from(periodMarks)
        .where(
          and(
            eq(periodMarks.subjectId, assignment.subjectId),
            eq(periodMarks.yearId, assignment.yearId),
            inArray(periodMarks.studentId, studentIds),
          ),
        )
        .all() as { studentId: number; kind: FinalKind; periodId: number | null; value: PeriodMarkValue }[];
    },
  };
}

/** The audit log's key of one final mark: student, subject, kind, period (0 for year, exam and final). */
export const periodMarkKey = (studentId: number, subjectId: number, kind: FinalKind, periodId: number | null) =>
  `${studentId}:${subjectId}:${kind}:${periodId ?? 0}`;

export type PeriodMarkService = ReturnType<typeof createPeriodMarkService>;
