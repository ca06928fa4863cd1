// Timetable versions: each row holds from which date (and until which) it is in force. A change «from a
// date» closes the rows running on that date the day before, drops rows that would only start later, and
// writes the new week from that date on: earlier weeks keep the timetable they had.
import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { className, shortName } from '../../shared/names';
import type { SlotEntry } from '../../shared/timetable';
import { addDays } from '../../shared/dates';
import type { Db } from '../db/open';
import { assignments, subgroups, timetable } from '../db/schema';
import { selectAssignmentNames } from '../school/assignmentNames';

export interface NewSlot {
  assignmentId: number;
  weekday: number;
  lessonNumber: number;
  room: string | null;
}

/** Rows in force on a date: of the whole year, or of one class. With the names the editor and the clash messages need. */
export function rowsOn(db: Db, yearId: number, date: string, classId?: number) {
  const slot = {
    id: timetable.id,
    assignmentId: timetable.assignmentId,
    weekday: timetable.weekday,
    lessonNumber: timetable.lessonNumber,
    room: timetable.room,
    validFrom: timetable.validFrom,
  };
  return selectAssignmentNames(db, { ...slot, subgroupId: assignments.subgroupId })
    .innerJoin(timetable, eq(timetable.assignmentId, assignments.id))
    .where(
      and(
        eq(timetable.yearId, yearId),
        lte(timetable.validFrom, date),
        or(isNull(timetable.validTo), gte(timetable.validTo, date)),
        classId === undefined ? undefined : eq(assignments.classId, classId),
      ),
    )
    .orderBy(asc(timetable.weekday), asc(timetable.lessonNumber), asc(subgroups.name))
    .all();
}
export type TimetableRow = ReturnType<typeof rowsOn>[number];

export const toEntry = (r: TimetableRow): SlotEntry => ({
  key: `row-${r.id}`,
  weekday: r.weekday,
  lessonNumber: r.lessonNumber,
  classId: r.classId,
  className: className(r),
  subgroupId: r.subgroupId,
  teacherId: r.teacherId,
  teacherName: shortName(r),
  room: r.room,
});

/** The dates from which a class's timetable changed: its versions. */
export function versionsOf(db: Db, classId: number): string[] {
  const rows = db
    .selectDistinct({ from: timetable.validFrom })
    .from(timetable)
    .innerJoin(assignments, eq(assignments.id, timetable.assignmentId))
    .where(eq(assignments.classId, classId))
    .orderBy(asc(timetable.validFrom))
    .all();
  return rows.map((r) => r.from);
}

/** Replaces a class's timetable from `from` on with `slots`; the weeks before keep theirs. Run inside a transaction. */
export function replaceFrom(db: Db, yearId: number, classId: number, from: string, slots: readonly NewSlot[]): void {
  const ids = db
    .select({ id: assignments.id })
    .from(assignments)
    .where(eq(assignments.classId, classId))
    .all()
    .map((a) => a.id);
  if (ids.length > 0) {
    const ofClass = inArray(timetable.assignmentId, ids);
    db.delete(timetable)
      .where(and(ofClass, gte(timetable.validFrom, from)))
      .run();
    db.update(timetable)
      .set({ validTo: addDays(from, -1) })
      .where(and(ofClass, lt(timetable.validFrom, from), or(isNull(timetable.validTo), gte(timetable.validTo, from))))
      .run();
  }
  for (const s of slots) {
    db.insert(timetable)
      .values({
        yearId,
        assignmentId: s.assignmentId,
        weekday: s.weekday,
        lessonNumber: s.lessonNumber,
        validFrom: from,
        validTo: null,
        room: s.room?.trim() || null,
      })
      .run();
  }
}
