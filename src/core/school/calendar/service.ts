import type { SchoolCalendar } from '../../../shared/contract/calendar';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../actor';
import type { AuditService } from '../../audit/service';
import type { Db } from '../../db/open';
import type { SchoolService } from '../service';
import { checkCalendar } from './check';
import { defaultCalendar } from './defaults';
import { loadCalendar, periodsChanged, writeCalendar, yearHasMarks } from './store';
import { requireOpenYear } from '../../years/closed';
import { writeTransaction } from '../../db/write';

export type CalendarService = ReturnType<typeof createCalendarService>;

/** Администрирование → «Школа»: the year's dates, each grade's periods and the holidays, changed safely. */
export function createCalendarService({ db, audit, school }: { db: Db; audit: AuditService; school: SchoolService }) {
  return {
    /** The stored calendar; periods of the schemes no grade follows yet are proposed from the defaults. */
    get(yearId?: number) {
      const id = yearId ?? school.currentYear().id;
      const stored = loadCalendar(db, id);
      const proposed = defaultCalendar(stored.year.startDate).periods.filter(
        (p) => !stored.periods.some((s) => s.scheme === p.scheme),
      );
      return {
        yearId: id,
        calendar: { ...stored, periods: [...stored.periods, ...proposed] },
        periodsLocked: yearHasMarks(db, id),
      };
    },

    save(actor: Actor, yearId: number, input: SchoolCalendar): void {
      requireOpenYear(db, yearId);
      const calendar = checkCalendar(input);
      writeTransaction(db, () => {
        const before = loadCalendar(db, yearId);
        if (periodsChanged(before, calendar) && yearHasMarks(db, yearId)) {
          throw new AppError(
            'locked',
            `В ${before.year.name} учебном году уже выставлены отметки: даты года, четвертей и полугодий и их выбор для классов изменить нельзя — отметки оказались бы не в своём периоде. Каникулы и названия периодов менять можно.`,
          );
        }
        writeCalendar(db, yearId, calendar, false);
        audit.record({
          userId: actor.userId,
          action: 'calendar.save',
          entity: 'school_year',
          entityId: yearId,
          oldValue: before,
          newValue: calendar,
        });
      });
    },
  };
}
