// Closing a school year: the marks check, the decisions per student with their order, the lock that makes the
// year read-only (still printable and reportable), and the next year prepared from it.
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { yearOrCurrent } from '../school/years';
import { orderText } from '../../shared/orders';
import { markCheck, markGaps } from './check';
import { closedMarkOf, markYearClosed, requireOpenYear } from './closed';
import { prepareNewYear, nextYearDate, type NewYearInput } from './newYear';
import { outcomeRows, saveOutcome, type Outcome } from './outcomes';
import { writeTransaction } from '../db/write';

interface Order {
  orderNumber: string;
  orderDate: string;
}

export function createYearService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const yearOf = (yearId?: number) => yearOrCurrent(db, yearId);

  return {
    /** Everything the closing screen shows: the gaps, the students with proposals and decisions, the lock. */
    status(yearId?: number) {
      const year = yearOf(yearId);
      const mark = closedMarkOf(db, year.id);
      const next = db.$client
        .prepare('select id, name from school_years where start_date > ? order by start_date limit 1')
        .get(year.endDate) as { id: number; name: string } | undefined;
      const suggested = `${Number(year.name.slice(0, 4)) + 1}/${Number(year.name.slice(0, 4)) + 2}`;
      return {
        year: {
          id: year.id,
          name: year.name,
          startDate: year.startDate,
          endDate: year.endDate,
          isCurrent: year.isCurrent,
        },
        closed: mark ? { closedAt: mark.closedAt, orderNumber: mark.orderNumber, orderDate: mark.orderDate } : null,
        ...markCheck(db, year, localDate(clock.now())),
        students: outcomeRows(db, year),
        nextYear: next ?? null,
        suggestedNext: {
          name: suggested,
          startDate: nextYearDate(year.startDate),
          endDate: nextYearDate(year.endDate),
        },
      };
    },

    /** The decisions of the pedagogical council, by the director's order. */
    decide(actor: Actor, input: Order & { yearId: number; decisions: Array<{ studentId: number; outcome: Outcome }> }) {
      const year = yearOf(input.yearId);
      requireOpenYear(db, year.id);
      const onRoll = new Map(outcomeRows(db, year).map((r) => [r.studentId, r]));
      for (const d of input.decisions) {
        const row = onRoll.get(d.studentId);
        if (!row)
          throw new AppError(
            'validation',
            'Решение можно принять только об ученике, который числится в классе на конец года',
          );
        if (d.outcome === 'graduated' && row.grade !== 9 && row.grade !== 11)
          throw new AppError('validation', `${row.name}: выпускают только 9 и 11 классы`);
      }
      writeTransaction(db, () => {
        for (const d of input.decisions) {
          saveOutcome(db, year.id, d.studentId, d.outcome, {
            orderNumber: input.orderNumber,
            orderDate: input.orderDate,
          });
          audit.record({
            userId: actor.userId,
            action: 'year.outcome',
            entity: 'student',
            entityId: d.studentId,
            oldValue: onRoll.get(d.studentId)?.decided ?? null,
            newValue: {
              yearId: year.id,
              outcome: d.outcome,
              orderNumber: input.orderNumber,
              orderDate: input.orderDate,
            },
          });
        }
      });
      return { saved: input.decisions.length };
    },

    /** Locks the year read-only once every student has a decision; missing marks only with an explicit consent. */
    close(actor: Actor, input: Order & { yearId: number; acceptGaps: boolean }) {
      const year = yearOf(input.yearId);
      requireOpenYear(db, year.id);
      const undecided = outcomeRows(db, year).filter((r) => !r.decided);
      if (undecided.length > 0)
        throw new AppError(
          'validation',
          `Не приняты решения по ${undecided.length} ученикам: ${undecided
            .slice(0, 5)
            .map((r) => `${r.name} (${r.className})`)
            .join(', ')}${undecided.length > 5 ? ', …' : ''}`,
        );
      const gaps = markGaps(db, year);
      const missing = gaps.reduce((n, g) => n + g.students.length, 0);
      if (missing > 0 && !input.acceptGaps)
        throw new AppError(
          'validation',
          `Не выставлено ${missing} итоговых отметок в ${gaps.length} журналах: выставьте их или подтвердите закрытие года без них`,
        );
      writeTransaction(db, () => {
        markYearClosed(db, year.id, {
          closedAt: localTimestamp(clock.now()),
          closedBy: actor.userId,
          orderNumber: input.orderNumber,
          orderDate: input.orderDate,
        });
        audit.record({
          userId: actor.userId,
          action: 'year.close',
          entity: 'school_year',
          entityId: year.id,
          newValue: { orderNumber: input.orderNumber, orderDate: input.orderDate, missingMarks: missing },
        });
      });
      return {
        message: `${year.name} учебный год закрыт (${orderText(input.orderNumber, input.orderDate)}): журналы доступны для просмотра, печати и отчётов`,
      };
    },

    /** The next year from a closed one; it becomes the current year. */
    prepareNext(actor: Actor, input: NewYearInput & { fromYearId: number }) {
      const old = yearOf(input.fromYearId);
      if (!closedMarkOf(db, old.id)) throw new AppError('validation', `Сначала закройте ${old.name} учебный год`);
      if (input.startDate >= input.endDate) throw new AppError('validation', 'Начало учебного года позже его конца');
      const made = writeTransaction(db, () => prepareNewYear(db, old, input, actor.userId));
      audit.record({
        userId: actor.userId,
        action: 'year.prepare',
        entity: 'school_year',
        entityId: made.yearId,
        newValue: { ...input, ...made },
      });
      return {
        yearId: made.yearId,
        message: `Подготовлен ${input.name} учебный год: ${made.classes} классов, переведено ${made.promoted}, оставлено ${made.retained}, выпущено ${made.graduated}; перенесены для проверки в администрировании: назначений нагрузки — ${made.assignments}, уроков в расписании — ${made.timetableRows}`,
      };
    },
  };
}
export type YearService = ReturnType<typeof createYearService>;
