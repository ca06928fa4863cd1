// The next school year, prepared from a closed one: its periods, schemes and holidays a year later; every class
// one grade up with the same letter (the 11th leave; a new 1st grade for each old one); class teachers,
// subgroups, assignments and the timetable carried over for the admin to review; every student enrolled into the new class
// the year's decision sends him to (a retained one stays in his grade), graduates written out of the school.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { addDays, ruDate } from '../../shared/dates';
import type { Db } from '../db/open';
import {
  assignments,
  classEnrollments,
  classes,
  curriculum,
  gradePeriodSchemes,
  holidays,
  periods,
  schoolYears,
  studentMovements,
  subgroupMembers,
  subgroups,
  timetable,
} from '../db/schema';
import { joinSubgroups } from '../movement/stays';
import { outcomeRows } from './outcomes';

/** The same day a year later (29 February → 28 February). */
export function nextYearDate(iso: string): string {
  const y = Number(iso.slice(0, 4)) + 1;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}

/**
 * The week each class had at the end of the old year, moved up with its assignments: a starting point for the admin
 * to review in «Расписание» (the 5А's week becomes the 6А's). No lessons are made from it: the admin generates them
 * once the new week is right.
 */
function carryTimetable(
  db: Db,
  old: { id: number; endDate: string },
  yearId: number,
  startDate: string,
  nextAssignment: ReadonlyMap<number, number>,
): number {
  const rows = db.$client
    .prepare(
      `select assignment_id as assignmentId, weekday, lesson_number as lessonNumber, room from timetable where year_id = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)`,
    )
    .all(old.id, old.endDate, old.endDate) as Array<{
    assignmentId: number;
    weekday: number;
    lessonNumber: number;
    room: string | null;
  }>;
  let carried = 0;
  for (const r of rows) {
    const assignmentId = nextAssignment.get(r.assignmentId);
    if (assignmentId === undefined) continue;
    db.insert(timetable)
      .values({
        yearId,
        assignmentId,
        weekday: r.weekday,
        lessonNumber: r.lessonNumber,
        room: r.room,
        validFrom: startDate,
        validTo: null,
      })
      .run();
    carried++;
  }
  return carried;
}

export interface NewYearInput {
  name: string;
  startDate: string;
  endDate: string;
}

export function prepareNewYear(db: Db, old: typeof schoolYears.$inferSelect, input: NewYearInput, userId: number) {
  if (db.select().from(schoolYears).where(eq(schoolYears.name, input.name)).get())
    throw new AppError('conflict', `Учебный год ${input.name} уже есть`, { refusal: 'exists' });
  if (input.startDate <= old.endDate)
    throw new AppError('validation', `Новый учебный год должен начинаться после ${ruDate(old.endDate)}`);
  const shift = (d: string) => nextYearDate(d);
  const rows = outcomeRows(db, old);
  const undecided = rows.filter((r) => !r.decided);
  if (undecided.length > 0)
    throw new AppError('validation', `Не приняты решения по ${undecided.length} ученикам: сначала закройте год`);

  const year = db
    .insert(schoolYears)
    .values({ name: input.name, startDate: input.startDate, endDate: input.endDate, isCurrent: false })
    .returning()
    .get();
  for (const s of db.select().from(gradePeriodSchemes).where(eq(gradePeriodSchemes.yearId, old.id)).all())
    db.insert(gradePeriodSchemes)
      .values({ ...s, yearId: year.id })
      .run();
  for (const p of db.select().from(periods).where(eq(periods.yearId, old.id)).all()) {
    db.insert(periods)
      .values({
        yearId: year.id,
        scheme: p.scheme,
        number: p.number,
        name: p.name,
        startDate: shift(p.startDate),
        endDate: shift(p.endDate),
        marksDueDate: p.marksDueDate ? shift(p.marksDueDate) : null,
      })
      .run();
  }
  for (const h of db.select().from(holidays).where(eq(holidays.yearId, old.id)).all()) {
    db.insert(holidays)
      .values({
        yearId: year.id,
        name: h.name,
        startDate: shift(h.startDate),
        endDate: shift(h.endDate),
        grade: h.grade,
      })
      .run();
  }
  for (const c of db.select().from(curriculum).where(eq(curriculum.yearId, old.id)).all()) {
    const { id: _id, ...rest } = c;
    db.insert(curriculum)
      .values({ ...rest, yearId: year.id })
      .run();
  }

  // Classes: old (grade, letter) → new (grade + 1, letter) with its class teacher; a 1st grade for each old one.
  const oldClasses = db.select().from(classes).where(eq(classes.yearId, old.id)).all();
  const made = new Map<string, number>();
  const classFor = (grade: number, letter: string, shiftNo: number, teacher: number | null) => {
    const key = `${grade}${letter}`;
    if (!made.has(key))
      made.set(
        key,
        db
          .insert(classes)
          .values({ yearId: year.id, grade, letter, shift: shiftNo, classTeacherId: teacher })
          .returning({ id: classes.id })
          .get().id,
      );
    return made.get(key)!;
  };
  const next = new Map<number, number>();
  for (const c of [...oldClasses].sort((a, b) => a.grade - b.grade)) {
    if (c.grade === 1) classFor(1, c.letter, c.shift, null);
    if (c.grade < 11) next.set(c.id, classFor(c.grade + 1, c.letter, c.shift, c.classTeacherId));
  }

  // Subgroups by (class, subject, name), so members and subgroup assignments follow.
  const nextGroup = new Map<number, number>();
  for (const c of oldClasses) {
    const to = next.get(c.id);
    if (to === undefined) continue;
    for (const g of db.select().from(subgroups).where(eq(subgroups.classId, c.id)).all()) {
      nextGroup.set(
        g.id,
        db
          .insert(subgroups)
          .values({ classId: to, subjectId: g.subjectId, name: g.name })
          .returning({ id: subgroups.id })
          .get().id,
      );
    }
  }
  const nextAssignment = new Map<number, number>();
  for (const a of db.select().from(assignments).where(eq(assignments.yearId, old.id)).all()) {
    const to = next.get(a.classId);
    if (to === undefined) continue;
    const made = db
      .insert(assignments)
      .values({
        yearId: year.id,
        teacherId: a.teacherId,
        classId: to,
        subgroupId: a.subgroupId === null ? null : (nextGroup.get(a.subgroupId) ?? null),
        subjectId: a.subjectId,
        hoursPerWeek: a.hoursPerWeek,
      })
      .returning({ id: assignments.id })
      .get();
    nextAssignment.set(a.id, made.id);
  }
  const timetableRows = carryTimetable(db, old, year.id, input.startDate, nextAssignment);

  // Students: the old stays end with the year; each goes where the decision sends him.
  const memberships = db.$client.prepare(
    `select m.subgroup_id as id from subgroup_members m join subgroups g on g.id = m.subgroup_id where m.student_id = ? and g.class_id = ? and m.start_date <= ? and (m.end_date is null or m.end_date >= ?)`,
  );
  const counts = { promoted: 0, retained: 0, graduated: 0 };
  db.$client
    .prepare(
      `update class_enrollments set end_date = ? where (end_date is null or end_date > ?) and class_id in (select id from classes where year_id = ?)`,
    )
    .run(old.endDate, old.endDate, old.id);
  db.$client
    .prepare(
      `update subgroup_members set end_date = ? where (end_date is null or end_date > ?) and subgroup_id in (select g.id from subgroups g join classes c on c.id = g.class_id where c.year_id = ?)`,
    )
    .run(old.endDate, old.endDate, old.id);
  for (const r of rows) {
    const outcome = r.decided!.outcome;
    if (outcome === 'graduated') {
      db.insert(studentMovements)
        .values({
          studentId: r.studentId,
          kind: 'left',
          date: addDays(old.endDate, 1),
          fromClassId: r.classId,
          toClassId: null,
          orderNumber: r.decided!.orderNumber ?? '—',
          orderDate: r.decided!.orderDate ?? old.endDate,
          note: `выпущен(а) по окончании ${r.grade} классов`,
          createdBy: userId,
        })
        .run();
      counts.graduated++;
      continue;
    }
    const letter = r.className.slice(String(r.grade).length);
    const oldClass = oldClasses.find((c) => c.id === r.classId)!;
    const target = outcome === 'retained' ? classFor(r.grade, letter, oldClass.shift, null) : next.get(r.classId)!;
    db.insert(classEnrollments)
      .values({ studentId: r.studentId, classId: target, startDate: input.startDate, endDate: null })
      .run();
    if (outcome === 'retained') joinSubgroups(db, r.studentId, target, input.startDate, r.decided!.orderNumber ?? '');
    else {
      for (const m of memberships.all(r.studentId, r.classId, old.endDate, old.endDate) as Array<{ id: number }>) {
        const g = nextGroup.get(m.id);
        if (g !== undefined)
          db.insert(subgroupMembers)
            .values({
              subgroupId: g,
              studentId: r.studentId,
              startDate: input.startDate,
              endDate: null,
              orderNumber: r.decided!.orderNumber,
            })
            .run();
      }
    }
    counts[outcome === 'retained' ? 'retained' : 'promoted']++;
  }
  db.update(schoolYears).set({ isCurrent: false }).run();
  db.update(schoolYears).set({ isCurrent: true }).where(eq(schoolYears.id, year.id)).run();
  return { yearId: year.id, classes: made.size, assignments: nextAssignment.size, timetableRows, ...counts };
}
