// One school year: calendar, curriculum, classes, students, subgroups, assignments, timetable, thematic
// plans, then every class's journal and final marks, and the current year's control traces.
import { periodsOf, schemeOfGrade, schoolDays, type YearCalendar } from '../school/calendar/ministry';
import { curriculumOf, subjects, type SubjectKey, type WorkKindCode } from './curriculum';
import { day, iso, type Day } from '../../shared/dates';
import { stamp, workday } from './dates';
import { writeExtras, type ExtrasClass } from './extras';
import { writeFinals, type LocalSubject } from './finals';
import { writeJournal, type JAssignment } from './journal';
import { buildPlan } from './plans';
import { at, type Rng } from './random';
import type { Writers } from './sql';
import type { ClassSlot, StaffPlan } from './staff';
import type { Cohorts } from './students';
import { weekDays, type Placement } from './timetable';

export interface SchoolContext {
  w: Writers;
  today: Day;
  plan: StaffPlan;
  placement: Placement;
  slots: readonly ClassSlot[];
  /** Parallel to `subjects`. */
  subjectIds: readonly number[];
  kinds: ReadonlyMap<WorkKindCode, { id: number; weight: number }>;
  /** Parallel to `plan.staff`. */
  teacherIds: readonly number[];
  deputyId: number;
  secretaryId: number;
  cohorts: Cohorts;
}

export interface YearCounts {
  classes: number;
  students: number;
  lessons: number;
  marks: number;
  absences: number;
  periodMarks: number;
}

export function generateYear(
  ctx: SchoolContext,
  yearIdx: number,
  cal: YearCalendar,
  isCurrent: boolean,
  rng: Rng,
): YearCounts {
  const { w, today, plan, placement, slots, kinds, teacherIds } = ctx;
  const counts: YearCounts = { classes: slots.length, students: 0, lessons: 0, marks: 0, absences: 0, periodMarks: 0 };
  const subjectIdx = (key: SubjectKey) => subjects.findIndex((s) => s.key === key);
  const subjectId = (key: SubjectKey) => at(ctx.subjectIds, subjectIdx(key));
  const yearId = w.year(cal.name, iso(cal.start), iso(cal.end), isCurrent ? 1 : 0);
  for (let grade = 1; grade <= 11; grade++) w.scheme(yearId, grade, schemeOfGrade(grade));
  const periodIds = new Map(
    cal.periods.map((p) => [p, w.period(yearId, p.scheme, p.number, p.name, iso(p.start), iso(p.end), iso(p.end))]),
  );
  for (const h of cal.holidays) w.holiday(yearId, h.name, iso(h.start), iso(h.end), h.grade);
  for (let grade = 1; grade <= 11; grade++) {
    for (const row of curriculumOf(grade))
      w.curriculum(yearId, grade, subjectId(row.subject.key), row.hoursPerWeek, row.hoursPerYear, row.split ? 1 : 0);
  }
  const daysOf = new Map<number, Day[]>();
  for (let grade = 1; grade <= 11; grade++) daysOf.set(grade, schoolDays(cal, grade, weekDays(grade)));
  const days = (grade: number) => daysOf.get(grade) ?? [];

  const roster = ctx.cohorts.year(yearIdx, cal, days, today, rng.fork(1));
  for (const s of roster.created) {
    const p = s.person;
    s.id = w.student(p.lastName, p.firstName, p.middleName, iso(s.birth), p.gender, s.fileNo, s.createdAt);
  }
  counts.students = roster.created.length;
  const classIds = new Map<string, number>();
  for (const cls of slots)
    classIds.set(
      cls.key,
      w.klass(yearId, cls.grade, cls.letter, 1, at(teacherIds, plan.classTeacher.get(cls.key) ?? -1)),
    );
  const endOf = (end: Day | null) => (end !== null ? iso(end) : isCurrent ? null : iso(cal.end));
  const movements = [...roster.movements].sort((a, b) => a.date - b.date || a.orderDate - b.orderDate);
  for (const m of movements) {
    const classId = classIds.get(m.cls.key) ?? null;
    const from = m.kind === 'left' ? classId : null;
    w.movement(
      m.student.id,
      m.kind,
      iso(m.date),
      from,
      from === null ? classId : null,
      m.orderNumber,
      iso(m.orderDate),
      m.note,
      stamp(m.orderDate, rng.int(540, 1020)),
      ctx.secretaryId,
    );
  }
  const outcomes = rng.int(60, 90);
  const orders = {
    promoted: { number: `№ ${outcomes}-о`, date: workday(day(cal.startYear + 1, 5, 29)) },
    graduated: { number: `№ ${outcomes + 12}-о`, date: workday(day(cal.startYear + 1, 6, 25)) },
  };

  // Substitutes: a teacher free at that hour by the timetable, preferably of the same subject.
  const subRng = rng.fork(2);
  const usedSubs = new Set<string>();
  const teachersOf = new Map<SubjectKey, Set<number>>();
  for (const t of plan.teachings) {
    const set = teachersOf.get(t.subject) ?? new Set<number>();
    for (const idx of t.teachers) set.add(idx);
    teachersOf.set(t.subject, set);
  }
  const staffOf = new Map(teacherIds.map((id, idx) => [id, idx]));
  const substitute = (d: Day, weekday: number, number: number, a: JAssignment) => {
    const own = staffOf.get(a.teacherId);
    const free = plan.staff.filter(
      (m) => m.idx !== own && !placement.busy(m.idx, weekday, number) && !usedSubs.has(`${m.idx}:${d}:${number}`),
    );
    if (free.length === 0) return null;
    const same = free.filter((m) => teachersOf.get(a.subject.key)?.has(m.idx));
    const chosen = subRng.pick(same.length > 0 ? same : free);
    usedSubs.add(`${chosen.idx}:${d}:${number}`);
    return at(teacherIds, chosen.idx);
  };

  const extras: ExtrasClass[] = [];
  const lessonsCreated = stamp(cal.start - 3, 540);
  slots.forEach((cls, ci) => {
    const classId = classIds.get(cls.key) ?? 0;
    const members = roster.members.get(cls.key) ?? [];
    for (const m of members) w.enrollment(m.student.id, classId, iso(m.start), endOf(m.end));
    const local: LocalSubject[] = [];
    const assignments: JAssignment[] = [];
    plan.teachings.forEach((t, ti) => {
      if (t.cls !== cls) return;
      const def = at(subjects, subjectIdx(t.subject));
      const row = curriculumOf(cls.grade).find((r) => r.subject.key === t.subject);
      const hoursPerYear = row?.hoursPerYear ?? t.hours * 34;
      const topics = buildPlan(def, cls.grade, hoursPerYear, rng.fork(3, ci, ti));
      const groups = t.teachers.length > 1 ? [1, 2] : [0];
      const mine: JAssignment[] = [];
      for (const subgroup of groups) {
        let subgroupId: number | null = null;
        if (subgroup > 0) {
          subgroupId = w.subgroup(classId, subjectId(t.subject), `${subgroup} группа`);
          for (const m of members)
            if (m.subgroup === subgroup) w.member(subgroupId, m.student.id, iso(m.start), endOf(m.end), m.order);
        }
        const staffIdx = at(t.teachers, Math.max(0, subgroup - 1));
        const teacherId = at(teacherIds, staffIdx);
        const id = w.assignment(yearId, teacherId, classId, subgroupId, subjectId(t.subject), t.hours);
        for (const s of at(placement.slots, ti))
          w.timetable(yearId, id, s.weekday, s.number, iso(cal.start), iso(cal.end), at(plan.staff, staffIdx).room);
        const planId = w.plan(id, stamp(cal.start - 4 - (ti % 5), 600 + ti));
        const topicRows = topics.map((p, pos) => ({
          id: w.topic(planId, pos + 1, p.section, p.title, p.hours, p.kind ? (kinds.get(p.kind)?.id ?? null) : null),
          title: p.title,
          kind: p.kind,
          hours: p.hours,
        }));
        mine.push({
          id,
          subject: def,
          subjectIdx: subjectIdx(t.subject),
          local: local.length,
          teacherId,
          subgroup,
          hours: t.hours,
          slots: at(placement.slots, ti),
          topics: topicRows,
        });
      }
      local.push({
        def,
        subjectId: subjectId(t.subject),
        subjectIdx: subjectIdx(t.subject),
        local: local.length,
        assignments: mine,
      });
      assignments.push(...mine);
    });

    const classPeriods = periodsOf(cal, cls.grade);
    const journal = writeJournal({
      w,
      rng: rng.fork(4, ci),
      grade: cls.grade,
      today,
      days: days(cls.grade),
      periods: classPeriods,
      members,
      assignments,
      subjectCount: local.length,
      kinds,
      substitute,
      createdAt: lessonsCreated,
    });
    counts.lessons += journal.lessons;
    counts.marks += journal.marks;
    counts.absences += journal.absences;
    counts.periodMarks += writeFinals({
      w,
      rng: rng.fork(5, ci),
      grade: cls.grade,
      yearId,
      today,
      cal,
      periods: classPeriods.map((def) => ({ id: periodIds.get(def) ?? 0, def })),
      members,
      subjects: local,
      acc: journal.acc,
      leavers: roster.leavers,
      orders,
    });
    extras.push({
      id: classId,
      classTeacherId: at(teacherIds, plan.classTeacher.get(cls.key) ?? -1),
      assignmentIds: assignments.map((a) => a.id),
      days: days(cls.grade),
    });
  });

  if (isCurrent) writeExtras(w, rng.fork(6), cal, today, extras, ctx.deputyId);
  ctx.cohorts.advance(roster);
  return counts;
}
