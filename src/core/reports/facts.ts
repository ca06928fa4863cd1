// The period marks a progress report counts, with who (student, class), what (subject) and by whom (teacher):
// one query shared by the results by class, subject, teacher, grade and school, and by the summary sheet.
import { and, eq, inArray } from 'drizzle-orm';
import { shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { assignments, periodMarks, subgroupMembers, subjects, users } from '../db/schema';
import { classesOf, rosterOn, type ClassInfo, type RosterEntry } from './roster';
import { rollDate, type Term } from './terms';

export interface MarkFact {
  studentId: number;
  classId: number;
  subjectId: number;
  teacherId: number | null;
  value: string;
}

/** A student who studies a subject with a teacher on the roll date (the class's or their subgroup's assignment). */
export interface TaughtFact {
  studentId: number;
  classId: number;
  subjectId: number;
  teacherId: number;
}

export interface TermFacts {
  classes: ClassInfo[];
  /** Each class's roll on its roll date. */
  roster: RosterEntry[];
  marks: MarkFact[];
  /** Who should have a period mark in what: a subject's and a teacher's results count all of them. */
  taught: TaughtFact[];
  subjects: Map<number, { name: string; order: number }>;
  teachers: Map<number, string>;
}

export function loadTermFacts(db: Db, term: Term, today: string, classIds?: readonly number[]): TermFacts {
  const classList = classesOf(db, term.year.id, classIds);
  const roster: RosterEntry[] = [];
  const periodIds = new Set<number>();
  const rollDates = new Map<number, string>();
  for (const c of classList) {
    const date = rollDate(term, c.grade, today);
    if (!date) continue;
    rollDates.set(c.id, date);
    roster.push(...rosterOn(db, [c.id], date));
    const p = term.periodOfGrade.get(c.grade);
    if (p) periodIds.add(p.id);
  }
  const classOf = new Map(roster.map((r) => [r.studentId, r.classId]));
  const ids = [...classOf.keys()];
  const kind = term.period
    ? and(eq(periodMarks.kind, 'period'), inArray(periodMarks.periodId, [...periodIds]))
    : eq(periodMarks.kind, 'year');
  const rows: Array<{ studentId: number; subjectId: number; value: string; assignmentId: number | null }> = [];
  // Chunks keep the statement under SQLite's variable limit on a large school.
  for (let i = 0; i < ids.length; i += 900) {
    const chunk = ids.slice(i, i + 900);
    rows.push(
      ...db
        .select({
          studentId: periodMarks.studentId,
          subjectId: periodMarks.subjectId,
          value: periodMarks.value,
          assignmentId: periodMarks.assignmentId,
        })
        .from(periodMarks)
        .where(and(eq(periodMarks.yearId, term.year.id), kind, inArray(periodMarks.studentId, chunk)))
        .all(),
    );
  }

  const yearAssignments = db.select().from(assignments).where(eq(assignments.yearId, term.year.id)).all();
  const teacherOfAssignment = new Map(yearAssignments.map((a) => [a.id, a.teacherId]));
  const members = db
    .select({
      subgroupId: subgroupMembers.subgroupId,
      studentId: subgroupMembers.studentId,
      startDate: subgroupMembers.startDate,
      endDate: subgroupMembers.endDate,
    })
    .from(subgroupMembers)
    .all();
  const inSubgroup = new Set(members.map((m) => `${m.subgroupId}:${m.studentId}`));
  /** A mark set without its assignment: the class's teacher of the subject (of the student's subgroup). */
  const fallbackTeacher = (classId: number, subjectId: number, studentId: number) =>
    yearAssignments.find(
      (a) =>
        a.classId === classId &&
        a.subjectId === subjectId &&
        (a.subgroupId === null || inSubgroup.has(`${a.subgroupId}:${studentId}`)),
    )?.teacherId ?? null;

  const marks: MarkFact[] = rows.map((r) => {
    const classId = classOf.get(r.studentId) as number;
    const teacherId =
      (r.assignmentId !== null ? teacherOfAssignment.get(r.assignmentId) : undefined) ??
      fallbackTeacher(classId, r.subjectId, r.studentId);
    return { studentId: r.studentId, classId, subjectId: r.subjectId, teacherId, value: r.value };
  });
  const taught: TaughtFact[] = [];
  const rollOf = new Map<number, RosterEntry[]>();
  for (const r of roster)
    rollOf
      .set(r.classId, rollOf.get(r.classId) ?? [])
      .get(r.classId)!
      .push(r);
  for (const a of yearAssignments) {
    const date = rollDates.get(a.classId);
    if (!date) continue;
    const inGroup =
      a.subgroupId === null
        ? null
        : new Set(
            members
              .filter((m) => m.subgroupId === a.subgroupId && m.startDate <= date && (m.endDate ?? date) >= date)
              .map((m) => m.studentId),
          );
    for (const r of rollOf.get(a.classId) ?? [])
      if (!inGroup || inGroup.has(r.studentId))
        taught.push({ studentId: r.studentId, classId: a.classId, subjectId: a.subjectId, teacherId: a.teacherId });
  }
  const subjectRows = db.select().from(subjects).all();
  const teacherIds = [
    ...new Set([...marks.map((m) => m.teacherId), ...taught.map((t) => t.teacherId)].filter((t) => t !== null)),
  ];
  const teacherRows = teacherIds.length ? db.select().from(users).where(inArray(users.id, teacherIds)).all() : [];
  return {
    classes: classList,
    roster,
    marks,
    taught,
    subjects: new Map(subjectRows.map((s) => [s.id, { name: s.name, order: s.sortOrder }])),
    teachers: new Map(teacherRows.map((t) => [t.id, shortName(t)])),
  };
}
