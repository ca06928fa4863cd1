// Контроль ведения журнала (for the deputy): per journal and per teacher over a range — lessons without topic
// or homework, entered after the day's limit, control works whose marks are overdue, lessons given by someone
// else with no substitution recorded, students with no mark or one mark, fewer marks than the school's minimum,
// КТП and curriculum hours against the lessons given.
import { addDays } from '../../shared/dates';
import { percentOf } from '../../shared/numbers';
import type { ControlData, ControlRow } from '../../shared/contract/report-data';
import type { ControlFacts, ControlLesson } from './control-facts';
import { teacherActivity } from './control-activity';

export interface ControlRules {
  minMarks: number;
  controlMarksDays: number;
  deadline: { shift1: string; shift2: string };
}

const blank = (s: string | null) => s === null || s.trim() === '';
const problemLimit = 1000;

export interface ControlOptions {
  from: string;
  to: string;
  today: string;
  rules: ControlRules;
  /** Which journals to count (the actor's scope, a class). */
  include(a: { id: number; classId: number; teacherId: number }): boolean;
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
      let noTopic = 0,
        noHomework = 0,
        late = 0,
        controlWorks = 0,
        overdueControl = 0,
        unrecordedSubstitutions = 0;
      const periodId = o.periodOf(a.grade, o.to < today ? o.to : today);
      for (const l of list) {
        const issues: string[] = [];
        const flag = (text: string) => issues.push(text);
        if (blank(l.topic)) {
          noTopic++;
          flag('нет темы');
        }
        if (graded && blank(l.homework)) {
          noHomework++;
          flag('нет домашнего задания');
        }
        const due = `${l.date} ${limit}:59`;
        if (
          (l.topicEnteredAt !== null && l.topicEnteredAt > due) ||
          (l.homeworkEnteredAt !== null && l.homeworkEnteredAt > due)
        ) {
          late++;
          flag(`записан после ${limit}`);
        }
        if (l.isControl && graded) {
          controlWorks++;
          const marksDue = addDays(l.date, rules.controlMarksDays);
          const overdue = l.firstMarkAt === null ? marksDue < today : l.firstMarkAt.slice(0, 10) > marksDue;
          if (overdue) {
            overdueControl++;
            flag(
              l.firstMarkAt === null
                ? `нет отметок за работу (срок ${rules.controlMarksDays} дн.)`
                : `отметки за работу позже ${rules.controlMarksDays} дн.`,
            );
          }
        }
        if (l.unrecordedBy !== null) {
          unrecordedSubstitutions++;
          flag(`провёл ${l.unrecordedBy}, замена не записана`);
        }
        if (issues.length === 0) continue;
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
            problems: issues,
          });
      }
      const inClass = classStudents.get(a.classId) ?? new Set<number>();
      const members =
        a.subgroupId === null
          ? inClass
          : new Set([...(groupStudents.get(a.subgroupId) ?? [])].filter((s) => inClass.has(s)));
      const marks = counts.get(a.id) ?? new Map<number, number>();
      const n = (s: number) => marks.get(s) ?? 0;
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
        noTopic,
        noHomework,
        late,
        controlWorks,
        overdueControl,
        unrecordedSubstitutions,
        students: students.length,
        noMarksPct: graded ? percentOf(students.filter((s) => n(s) === 0).length, students.length) : null,
        oneMarkPct: graded ? percentOf(students.filter((s) => n(s) === 1).length, students.length) : null,
        belowMin: graded ? students.filter((s) => n(s) < rules.minMarks).length : 0,
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
      overdueControl: 0,
      belowMin: 0,
    };
    t.lessons += r.lessons;
    t.noTopic += r.noTopic;
    t.noHomework += r.noHomework;
    t.late += r.late;
    t.overdueControl += r.overdueControl;
    t.belowMin += r.belowMin;
    teachers.set(r.teacherName, t);
  }
  problems.sort((x, y) => x.date.localeCompare(y.date) || x.className.localeCompare(y.className, 'ru'));
  return {
    from: o.from,
    to: o.to,
    minMarks: rules.minMarks,
    controlMarksDays: rules.controlMarksDays,
    rows,
    teachers: [...teachers.values()].sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'ru')),
    problems,
    problemsCut,
    activity: teacherActivity(facts.activity, assignments, facts.lessons, o.from, o.to < today ? o.to : today),
  };
}
