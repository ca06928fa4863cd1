import { and, asc, eq, gt, gte, inArray, isNotNull, lt, lte, min, ne, or } from 'drizzle-orm';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { className } from '../../shared/names';
import type { Actor } from '../actor';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { absences, assignments, classes, lessons, marks, subgroups, subjects, workKinds } from '../db/schema';
import { readSetting } from '../school/settings';
import type { SchoolService } from '../school/service';
import { membersDuring } from './membership';
import { periodsOfGrade } from './periodMarks';
import { periodMarkGaps } from './periodMarksDue';

const periodMarksWarnDays = 3;
/** How far back «Мой день» looks for lessons still unfilled. */
const unfilledDays = 14;
const shiftDate = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd');

/** «Мой день»: the teacher's lessons of a day with what each still lacks, and control works whose marks are overdue. */
export function createDayService({ db, clock, school }: { db: Db; clock: Clock; school: SchoolService }) {
  const lessonRows = (where: ReturnType<typeof and>) =>
    db
      .select({
        lesson: lessons,
        assignment: assignments,
        grade: classes.grade,
        letter: classes.letter,
        subjectName: subjects.name,
        subgroupName: subgroups.name,
        kind: workKinds,
      })
      .from(lessons)
      .innerJoin(assignments, eq(assignments.id, lessons.assignmentId))
      .innerJoin(classes, eq(classes.id, assignments.classId))
      .innerJoin(subjects, eq(subjects.id, assignments.subjectId))
      .innerJoin(workKinds, eq(workKinds.id, lessons.workKindId))
      .leftJoin(subgroups, eq(subgroups.id, assignments.subgroupId))
      .where(where)
      .orderBy(asc(lessons.date), asc(lessons.lessonNumber))
      .all();

  /** Students of the lesson's class (or subgroup) on its date with neither a mark nor an absence for the whole lesson. */
  function withoutMark(lesson: typeof lessons.$inferSelect, assignment: typeof assignments.$inferSelect): number {
    const members = membersDuring(db, assignment, lesson.date, lesson.date).map((m) => m.studentId);
    if (members.length === 0) return 0;
    const marked = new Set(
      db
        .select({ id: marks.studentId })
        .from(marks)
        .where(eq(marks.lessonId, lesson.id))
        .all()
        .map((r) => r.id),
    );
    const away = db
      .select({ id: absences.studentId })
      .from(absences)
      .where(and(eq(absences.lessonId, lesson.id), inArray(absences.code, ['н', 'б', 'у'])))
      .all();
    for (const a of away) marked.add(a.id);
    return new Set(members.filter((id) => !marked.has(id))).size;
  }

  return {
    mine(actor: Actor, date?: string) {
      const gradePeriods = new Map<string, ReturnType<typeof periodsOfGrade>>();
      const periodOf = (yearId: number, grade: number, on: string) => {
        const key = `${yearId}:${grade}`;
        if (!gradePeriods.has(key)) gradePeriods.set(key, periodsOfGrade(db, yearId, grade));
        return gradePeriods.get(key)?.find((p) => p.startDate <= on && p.endDate >= on)?.id ?? null;
      };
      const day = date ?? localDate(clock.now());
      const today = localDate(clock.now());
      const toDayLesson = (r: ReturnType<typeof lessonRows>[number]) => {
        const missing: ('topic' | 'attendance' | 'homework')[] = [];
        if (r.lesson.status !== 'not_held' && r.lesson.date <= today) {
          if (!r.lesson.topic) missing.push('topic');
          if (!r.lesson.attendanceTakenAt) missing.push('attendance');
          if (r.grade >= 2 && !r.lesson.homework) missing.push('homework');
        }
        return {
          lessonId: r.lesson.id,
          assignmentId: r.assignment.id,
          periodId: periodOf(r.assignment.yearId, r.grade, r.lesson.date),
          date: r.lesson.date,
          lessonNumber: r.lesson.lessonNumber,
          className: className(r),
          subjectName: r.subjectName,
          subgroupName: r.subgroupName,
          isSubstitution: r.lesson.givenById !== r.assignment.teacherId,
          status: r.lesson.status,
          missing,
        };
      };
      const given = eq(lessons.givenById, actor.userId);
      const lessonsOfDay = lessonRows(and(eq(lessons.date, day), given)).map(toDayLesson);
      // What is still unfilled from the days before, whatever the day shown: Friday's topics on a Monday.
      const before = day <= today ? day : shiftDate(today, 1);
      const earlier = lessonRows(
        and(gte(lessons.date, shiftDate(before, -unfilledDays)), lt(lessons.date, before), given),
      )
        .map(toDayLesson)
        .filter((l) => l.missing.length > 0);
      // A day without lessons (a weekend, a holiday) shows the next school day's, to prepare.
      let next: { date: string; lessons: typeof lessonsOfDay } | null = null;
      if (lessonsOfDay.length === 0) {
        const nextDate = db
          .select({ date: min(lessons.date) })
          .from(lessons)
          .where(and(gt(lessons.date, day), given))
          .get()?.date;
        if (nextDate)
          next = { date: nextDate, lessons: lessonRows(and(eq(lessons.date, nextDate), given)).map(toDayLesson) };
      }

      // A control work takes the school's limit unless its kind has one of its own; other kinds only their own.
      const schoolDays = readSetting(db, 'journal.controlMarksDays');
      const limitOf = (k: typeof workKinds.$inferSelect) => k.markingDays ?? (k.isControl ? schoolDays : null);
      const year = school.currentYear();
      const controls = lessonRows(
        and(
          or(eq(workKinds.isControl, true), isNotNull(workKinds.markingDays)),
          eq(assignments.yearId, year.id),
          lte(lessons.date, today),
          ne(lessons.status, 'not_held'),
          or(eq(assignments.teacherId, actor.userId), eq(lessons.givenById, actor.userId)),
        ),
      ).flatMap((r) => {
        const days = limitOf(r.kind);
        return days !== null && shiftDate(r.lesson.date, days) <= today ? [{ ...r, days }] : [];
      });
      const overdueControl = controls
        .map((r) => ({
          lessonId: r.lesson.id,
          assignmentId: r.assignment.id,
          periodId: periodOf(r.assignment.yearId, r.grade, r.lesson.date),
          date: r.lesson.date,
          className: className(r),
          subjectName: r.subjectName,
          workKindName: r.kind.name,
          studentsWithoutMark: withoutMark(r.lesson, r.assignment),
          dueDate: shiftDate(r.lesson.date, r.days),
        }))
        .filter((c) => c.studentsWithoutMark > 0);
      // The warning starts three days before the period marks are due and stays until they are all set.
      const periodMarksDue = periodMarkGaps(db, year.id, shiftDate(today, periodMarksWarnDays), actor.userId).map(
        (g) => ({
          assignmentId: g.assignmentId,
          periodId: g.periodId,
          periodName: g.periodName,
          dueDate: g.dueDate,
          className: g.className,
          subjectName: g.subjectName,
          subgroupName: g.subgroupName,
          studentsWithoutMark: g.studentsWithoutMark,
          overdue: g.dueDate < today,
        }),
      );
      return { date: day, lessons: lessonsOfDay, earlier, next, overdueControl, periodMarksDue };
    },
  };
}
export type DayService = ReturnType<typeof createDayService>;
