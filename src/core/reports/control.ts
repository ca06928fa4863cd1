// Контроль ведения журнала (for the deputy): per journal and per teacher over a range — lessons without topic
// or homework (a topic put in ahead from the КТП counts once the lesson is held), entered after the day's limit,
// marks and absences entered late, lessons with no attendance taken, entries not in Russian, works with a marking
// limit not marked for every pupil present in time, lessons given by someone else with no substitution recorded,
// students with no mark or one mark, fewer marks than the school's minimum, КТП and curriculum hours against the
// lessons given; and the classes whose attendance weeks the class teacher left unconfirmed.
import { percentOf } from '../../shared/numbers';
import type { ControlData, ControlRow } from '../../shared/contract/report-data';
import type { ControlFacts, ControlLesson } from './control-facts';
import { teacherActivity } from './control-activity';
import { lessonFindings, type LessonCounter } from './control-lesson';
import { unconfirmedWeeks } from './control-weeks';

export interface ControlRules {
  minMarks: number;
  controlMarksDays: number;
  deadline: { shift1: string; shift2: string };
}

const problemLimit = 1000;
const counters: LessonCounter[] = [
  'noTopic',
  'noHomework',
  'late',
  'lateEntries',
  'noAttendance',
  'notRussian',
  'controlWorks',
  'overdueControl',
  'unrecordedSubstitutions',
];
const teacherCounters = [
  'lessons',
  'noTopic',
  'noHomework',
  'late',
  'lateEntries',
  'noAttendance',
  'notRussian',
  'overdueControl',
  'belowMin',
] as const;

export interface ControlOptions {
  from: string;
  to: string;
  today: string;
  rules: ControlRules;
  /** Which journals to count (the actor's scope, a class). */
  include(a: { id: number; classId: number; teacherId: number }): boolean;
  /** Which classes' attendance weeks to list (the deputy all, a class teacher their class). */
  includeClass(classId: number): boolean;
  periodOf(grade: number, date: string): number | null;
}

export function journalControl(facts: ControlFacts, o: ControlOptions): Omit<ControlData, 'overduePeriodMarks'> {
  const { rules, today } = o;
  const assignments = facts.assignments.filter(o.include);
  const byAssignment = new Map<number, ControlLesson[]>();
  for (const l of facts.lessons) {
    const list = byAssignment.get(l.assignmentId);
    if (list) list.push(l);
    else byAssignment.set(l.assignmentId, [l]);
  }
  const counts = new Map<number, Map<number, number>>();
  for (const m of facts.markCounts) {
    const own = counts.get(m.assignmentId) ?? new Map<number, number>();
    own.set(m.studentId, m.n);
    counts.set(m.assignmentId, own);
  }
  const late = new Map(facts.lateEntries.map((e) => [e.lessonId, e]));
  const marking = new Map(facts.marking.map((m) => [m.lessonId, m]));
  const hours = new Map(facts.hours.map((h) => [h.assignmentId, h]));
  const plans = new Map(facts.plans.map((p) => [p.assignmentId, p.hours]));
  const curriculum = new Map(facts.curriculum.map((c) => [`${c.grade}:${c.subjectId}`, c.hours]));
  const classStudents = new Map<number, Set<number>>();
  for (const e of facts.enrolled)
    classStudents.set(e.classId, (classStudents.get(e.classId) ?? new Set()).add(e.studentId));
  const groupStudents = new Map<number, Set<number>>();
  for (const g of facts.grouped)
    groupStudents.set(g.subgroupId, (groupStudents.get(g.subgroupId) ?? new Set()).add(g.studentId));

  const problems: ControlData['problems'] = [];
  let problemsCut = 0;
  const rows: ControlRow[] = assignments
    .sort(
      (a, b) =>
        a.grade - b.grade ||
        a.className.localeCompare(b.className, 'ru') ||
        a.subjectOrder - b.subjectOrder ||
        (a.subgroupName ?? '').localeCompare(b.subgroupName ?? '', 'ru'),
    )
    .map((a) => {
      const list = (byAssignment.get(a.id) ?? []).sort((x, y) => x.date.localeCompare(y.date));
      const limit = a.shift === 2 ? rules.deadline.shift2 : rules.deadline.shift1;
      const graded = a.grade >= 2;
      const n = Object.fromEntries(counters.map((k) => [k, 0])) as Record<LessonCounter, number>;
      const periodId = o.periodOf(a.grade, o.to < today ? o.to : today);
      for (const l of list) {
        const found = lessonFindings(l, { limit, graded, today, late: late.get(l.id), marking: marking.get(l.id) });
        for (const k of found.counts) n[k]++;
        if (found.lines.length === 0) continue;
        if (problems.length >= problemLimit) problemsCut++;
        else
          problems.push({
            lessonId: l.id,
            assignmentId: a.id,
            periodId: o.periodOf(a.grade, l.date),
            date: l.date,
            className: a.className,
            subjectName: a.subjectName + (a.subgroupName ? ` (${a.subgroupName})` : ''),
            teacherName: a.teacherName,
            problems: found.lines,
          });
      }
      const inClass = classStudents.get(a.classId) ?? new Set<number>();
      const members =
        a.subgroupId === null
          ? inClass
          : new Set([...(groupStudents.get(a.subgroupId) ?? [])].filter((s) => inClass.has(s)));
      const marks = counts.get(a.id) ?? new Map<number, number>();
      const marksOf = (s: number) => marks.get(s) ?? 0;
      const students = [...members];
      const h = hours.get(a.id);
      return {
        assignmentId: a.id,
        periodId,
        className: a.className,
        subjectName: a.subjectName,
        subgroupName: a.subgroupName,
        teacherName: a.teacherName,
        lessons: list.length,
        ...n,
        students: students.length,
        noMarksPct: graded ? percentOf(students.filter((s) => marksOf(s) === 0).length, students.length) : null,
        oneMarkPct: graded ? percentOf(students.filter((s) => marksOf(s) === 1).length, students.length) : null,
        belowMin: graded ? students.filter((s) => marksOf(s) < rules.minMarks).length : 0,
        ktpHours: plans.get(a.id) ?? null,
        curriculumHours: curriculum.get(`${a.grade}:${a.subjectId}`) ?? null,
        scheduled: h?.scheduled ?? 0,
        given: h?.given ?? 0,
      };
    });

  const teachers = new Map<string, ControlData['teachers'][number]>();
  for (const r of rows) {
    const t = teachers.get(r.teacherName) ?? {
      teacherName: r.teacherName,
      lessons: 0,
      noTopic: 0,
      noHomework: 0,
      late: 0,
      lateEntries: 0,
      noAttendance: 0,
      notRussian: 0,
      overdueControl: 0,
      belowMin: 0,
    };
    for (const k of teacherCounters) t[k] += r[k];
    teachers.set(r.teacherName, t);
  }
  problems.sort((x, y) => x.date.localeCompare(y.date) || x.className.localeCompare(y.className, 'ru'));
  return {
    from: o.from,
    to: o.to,
    minMarks: rules.minMarks,
    controlMarksDays: rules.controlMarksDays,
    entryDeadline: rules.deadline,
    rows,
    teachers: [...teachers.values()].sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'ru')),
    problems,
    problemsCut,
    unconfirmedWeeks: unconfirmedWeeks(facts.attendanceWeeks, today, o.includeClass),
    activity: teacherActivity(facts.activity, assignments, facts.lessons, o.from, o.to < today ? o.to : today),
  };
}
