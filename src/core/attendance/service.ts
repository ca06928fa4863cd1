import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className } from '../../shared/names';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { attendanceChecks, classes } from '../db/schema';
import type { SchoolService } from '../school/service';
import { attendanceClass } from './access';
import { mondayOf } from '../../shared/dates';
import { setReason, type ReasonInput } from './reasons';
import { loadSchoolDay } from './schoolDay';
import { loadClassWeek } from './week';
import { writeTransaction } from '../db/write';

export type AttendanceService = ReturnType<typeof createAttendanceService>;

/** The class teacher's weekly check of attendance across subjects, and the deputy's view of the school's day. */
export function createAttendanceService(deps: { db: Db; clock: Clock; audit: AuditService; school: SchoolService }) {
  const { db, clock, audit, school } = deps;
  return {
    /** Their own class for a class teacher; every class of the current year for those who read every journal. */
    classes(actor: Actor) {
      const readsAll = mayAccess('journal.read_all', actor.roles);
      if (!readsAll && !mayAccess('attendance.verify', actor.roles)) return [];
      const year = school.currentYear();
      const rows = db
        .select()
        .from(classes)
        .where(and(eq(classes.yearId, year.id), readsAll ? undefined : eq(classes.classTeacherId, actor.userId)))
        .orderBy(asc(classes.grade), asc(classes.letter))
        .all();
      return rows.map((c) => ({ id: c.id, name: className(c), isOwn: c.classTeacherId === actor.userId }));
    },

    week(actor: Actor, classId: number, weekStart: string) {
      return loadClassWeek(db, attendanceClass(db, actor, classId, 'read'), weekStart);
    },

    /** The class teacher signs the week off; confirming again replaces who and when (the audit log keeps both). */
    confirmWeek(actor: Actor, classId: number, weekStart: string, note?: string): null {
      const cls = attendanceClass(db, actor, classId, 'verify');
      const monday = mondayOf(weekStart);
      const now = clock.now();
      if (monday > localDate(now))
        throw new AppError('validation', 'Эта неделя ещё не началась: подтвердить её нельзя');
      const next = { checkedBy: actor.userId, checkedAt: localTimestamp(now), note: note || null };
      writeTransaction(db, () => {
        const before = db
          .select()
          .from(attendanceChecks)
          .where(and(eq(attendanceChecks.classId, cls.id), eq(attendanceChecks.weekStart, monday)))
          .get();
        if (before) db.update(attendanceChecks).set(next).where(eq(attendanceChecks.id, before.id)).run();
        else
          db.insert(attendanceChecks)
            .values({ classId: cls.id, weekStart: monday, ...next })
            .run();
        audit.record({
          userId: actor.userId,
          action: 'attendance.confirm',
          entity: 'attendance_week',
          entityId: `${cls.id}:${monday}`,
          oldValue: before ? { checkedBy: before.checkedBy, checkedAt: before.checkedAt, note: before.note } : null,
          newValue: next,
        });
      });
      return null;
    },

    setReason(actor: Actor, input: ReasonInput & { classId: number }) {
      return setReason(deps, actor, attendanceClass(db, actor, input.classId, 'verify'), input);
    },

    /** The whole school's day is the administration's view; a class teacher sees their own class's week. */
    schoolDay(actor: Actor, date: string) {
      if (!mayAccess('journal.read_all', actor.roles))
        throw new AppError('forbidden', 'Посещаемость всей школы видит администрация школы');
      return loadSchoolDay(db, date);
    },
  };
}
