import { asc, eq } from 'drizzle-orm';
import { ruDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { shortName } from '../../shared/names';
import { findClashes, type SlotEntry } from '../../shared/timetable';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { assignments, classes, subgroups, subjects } from '../db/schema';
import { selectAssignmentNames } from '../school/assignmentNames';
import type { SchoolService } from '../school/service';
import { bellsOf, replaceBells, type BellTime } from './bells';
import { classById, yearById } from './calendar';
import { defaultWorkKind, regenerateClass, type Regeneration } from './generate';
import { replaceFrom, rowsOn, toEntry, versionsOf, type NewSlot } from './store';
import { requireOpenYear } from '../years/closed';
import { writeTransaction } from '../db/write';

export interface TimetableSave {
  classId: number;
  from: string;
  slots: NewSlot[];
  allowClashes: boolean;
}

export type TimetableService = ReturnType<typeof createTimetableService>;

/** The timetable editor's calls: a class's week on a date, saving it from a date, the bells, the year's lessons. */
export function createTimetableService({
  db,
  clock,
  audit,
  school,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  school: SchoolService;
}) {
  function assignmentsOf(classId: number) {
    return selectAssignmentNames(db, { a: assignments })
      .where(eq(assignments.classId, classId))
      .orderBy(asc(subjects.sortOrder), asc(subjects.name), asc(subgroups.name))
      .all();
  }

  function requireInYear(date: string, year: { name: string; startDate: string; endDate: string }) {
    if (date < year.startDate || date > year.endDate) {
      throw new AppError(
        'validation',
        `Дата должна быть внутри учебного года ${year.name} (${ruDate(year.startDate)} – ${ruDate(year.endDate)})`,
      );
    }
  }

  function mergeResults(into: Regeneration, r: Regeneration) {
    into.created += r.created;
    into.removed += r.removed;
    into.kept.push(...r.kept);
  }

  return {
    ofClass(classId: number, date?: string) {
      const cls = classById(db, classId);
      const year = yearById(db, cls.yearId);
      const today = localDate(clock.now());
      const on = date ?? (today < year.startDate ? year.startDate : today > year.endDate ? year.endDate : today);
      requireInYear(on, year);
      const all = rowsOn(db, cls.yearId, on);
      return {
        classId: cls.id,
        className: `${cls.grade}${cls.letter}`,
        shift: cls.shift,
        date: on,
        yearStart: year.startDate,
        yearEnd: year.endDate,
        versions: versionsOf(db, cls.id),
        bells: bellsOf(db, cls.shift).map((b) => ({ number: b.number, startTime: b.startTime, endTime: b.endTime })),
        assignments: assignmentsOf(cls.id).map((r) => ({
          id: r.a.id,
          subjectName: r.subjectName,
          subgroupId: r.a.subgroupId,
          subgroupName: r.subgroupName,
          teacherId: r.a.teacherId,
          teacherName: shortName(r),
          hoursPerWeek: r.a.hoursPerWeek,
        })),
        entries: all
          .filter((r) => r.classId === cls.id)
          .map((r) => ({
            id: r.id,
            assignmentId: r.assignmentId,
            weekday: r.weekday,
            lessonNumber: r.lessonNumber,
            room: r.room,
          })),
        others: all.filter((r) => r.classId !== cls.id).map(toEntry),
      };
    },

    /** Replaces the class's week from a date on and brings the lessons from that date on in line with it. */
    save(actor: Actor, input: TimetableSave): Regeneration {
      const cls = classById(db, input.classId);
      const year = yearById(db, cls.yearId);
      requireOpenYear(db, year.id);
      requireInYear(input.from, year);
      const own = new Map(assignmentsOf(cls.id).map((r) => [r.a.id, r]));
      const seen = new Set<string>();
      const drafts: SlotEntry[] = input.slots.map((s, i) => {
        const a = own.get(s.assignmentId);
        if (!a)
          throw new AppError(
            'validation',
            `Нагрузка №${s.assignmentId} не относится к классу ${cls.grade}${cls.letter}`,
          );
        const k = `${s.assignmentId}:${s.weekday}:${s.lessonNumber}`;
        if (seen.has(k)) throw new AppError('validation', `${a.subjectName} стоит дважды в одной клетке расписания`);
        seen.add(k);
        return {
          key: `new-${i}`,
          weekday: s.weekday,
          lessonNumber: s.lessonNumber,
          classId: cls.id,
          className: `${cls.grade}${cls.letter}`,
          subgroupId: a.a.subgroupId,
          teacherId: a.a.teacherId,
          teacherName: shortName(a),
          room: s.room,
        };
      });
      const others = rowsOn(db, cls.yearId, input.from)
        .filter((r) => r.classId !== cls.id)
        .map(toEntry);
      const clashes = findClashes([...others, ...drafts]).filter((c) => c.keys.some((k) => k.startsWith('new-')));
      const inClass = clashes.find((c) => c.kind === 'class');
      if (inClass) throw new AppError('validation', inClass.message, { clashes });
      if (clashes.length > 0 && !input.allowClashes) {
        throw new AppError('conflict', `Накладки в расписании: ${clashes.map((c) => c.message).join('; ')}`, {
          clashes,
        });
      }
      const kind = defaultWorkKind(db);
      // One transaction: the new week and the lessons that follow from it are written together or not at all.
      const result = writeTransaction(db, () => {
        replaceFrom(db, cls.yearId, cls.id, input.from, input.slots);
        return regenerateClass(db, cls, input.from, kind, localTimestamp(clock.now()));
      });
      audit.record({
        userId: actor.userId,
        action: 'timetable.save',
        entity: 'class',
        entityId: cls.id,
        newValue: {
          from: input.from,
          slots: input.slots.length,
          clashes: clashes.length,
          created: result.created,
          removed: result.removed,
          kept: result.kept.map((k) => k.lessonId),
        },
      });
      return result;
    },

    /** Every class of the current year: lessons from `from` (the year's first day by default) made to match the timetable. */
    generate(actor: Actor | null, from: string | undefined): Regeneration & { classes: number } {
      const year = school.currentYear();
      requireOpenYear(db, year.id);
      const start = from ?? year.startDate;
      requireInYear(start, year);
      const kind = defaultWorkKind(db);
      const list = db
        .select()
        .from(classes)
        .where(eq(classes.yearId, year.id))
        .orderBy(asc(classes.grade), asc(classes.letter))
        .all();
      const total: Regeneration = { created: 0, removed: 0, kept: [] };
      writeTransaction(db, () => {
        for (const cls of list) mergeResults(total, regenerateClass(db, cls, start, kind, localTimestamp(clock.now())));
      });
      audit.record({
        userId: actor?.userId ?? null,
        action: 'timetable.generate',
        entity: 'year',
        entityId: year.id,
        newValue: { from: start, created: total.created, removed: total.removed, kept: total.kept.length },
      });
      return { ...total, classes: list.length };
    },

    bells: () =>
      bellsOf(db).map((b) => ({ shift: b.shift, number: b.number, startTime: b.startTime, endTime: b.endTime })),

    saveBells(actor: Actor, shift: number, times: BellTime[]): void {
      replaceBells(db, shift, times);
      audit.record({
        userId: actor.userId,
        action: 'timetable.bells',
        entity: 'bells',
        entityId: shift,
        newValue: times,
      });
    },
  };
}
