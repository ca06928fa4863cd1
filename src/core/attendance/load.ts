import { and, asc, between, eq, gte, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import { compareByName, fullName, shortName } from '../../shared/names';
import type { AbsenceCode } from '../../shared/contract/common';
import type { Db } from '../db/open';
import {
  absences,
  assignments,
  classEnrollments,
  lessons,
  students,
  subgroupMembers,
  subgroups,
  subjects,
  users,
} from '../db/schema';
import type { Membership } from '../journal/membership';

export interface ClassLesson {
  id: number;
  date: string;
  lessonNumber: number;
  subjectName: string;
  subjectOrder: number;
  teacherName: string;
  subgroupId: number | null;
  subgroupName: string | null;
}

export interface ClassStudent {
  id: number;
  number: number;
  fullName: string;
}

export interface ClassAttendance {
  lessons: ClassLesson[];
  students: ClassStudent[];
  absences: { lessonId: number; studentId: number; code: AbsenceCode }[];
  /** Lesson id → the students who were due at it (in the class, and in the subgroup when it is a subgroup's). */
  dueAt: Map<number, number[]>;
}

const covers = (m: { startDate: string; endDate: string | null }, date: string) =>
  m.startDate <= date && (m.endDate === null || m.endDate >= date);

/**
 * Everything the attendance views need about one class between two dates, in five indexed queries: the lessons
 * of every subject (lessons not held are left out: nobody could miss them), the students, their absences.
 */
export function loadClassAttendance(db: Db, classId: number, from: string, to: string): ClassAttendance {
  return (
    loadClassesAttendance(db, [classId], from, to).get(classId) ?? {
      lessons: [],
      students: [],
      absences: [],
      dueAt: new Map(),
    }
  );
}

const byClass = <T extends { classId: number }>(rows: T[]) => {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.classId);
    if (list) list.push(r);
    else out.set(r.classId, [r]);
  }
  return out;
};

/** The same for many classes with the same five queries (the whole school's day), class id → its attendance. */
export function loadClassesAttendance(
  db: Db,
  classIds: number[],
  from: string,
  to: string,
): Map<number, ClassAttendance> {
  if (classIds.length === 0) return new Map();
  const lessonRows = db
    .select({
      classId: assignments.classId,
      id: lessons.id,
      date: lessons.date,
      lessonNumber: lessons.lessonNumber,
      subjectName: subjects.name,
      subjectOrder: subjects.sortOrder,
      giver: { lastName: users.lastName, firstName: users.firstName, middleName: users.middleName },
      subgroupId: assignments.subgroupId,
      subgroupName: subgroups.name,
    })
    .from(assignments)
    .innerJoin(
      lessons,
      and(eq(lessons.assignmentId, assignments.id), between(lessons.date, from, to), ne(lessons.status, 'not_held')),
    )
    .innerJoin(subjects, eq(subjects.id, assignments.subjectId))
    .innerJoin(users, eq(users.id, lessons.givenById))
    .leftJoin(subgroups, eq(subgroups.id, assignments.subgroupId))
    .where(inArray(assignments.classId, classIds))
    .orderBy(asc(lessons.date), asc(lessons.lessonNumber), asc(subjects.sortOrder), asc(subgroups.name))
    .all();
  const allLessons = lessonRows.map(({ giver, ...l }) => ({ ...l, teacherName: shortName(giver) }));

  const enrolled = db
    .select({
      classId: classEnrollments.classId,
      studentId: classEnrollments.studentId,
      startDate: classEnrollments.startDate,
      endDate: classEnrollments.endDate,
    })
    .from(classEnrollments)
    .where(
      and(
        inArray(classEnrollments.classId, classIds),
        lte(classEnrollments.startDate, to),
        or(isNull(classEnrollments.endDate), gte(classEnrollments.endDate, from)),
      ),
    )
    .all();
  const ids = [...new Set(enrolled.map((m) => m.studentId))];
  const people = ids.length ? db.select().from(students).where(inArray(students.id, ids)).all() : [];
  people.sort(compareByName);

  const groupIds = [...new Set(allLessons.map((l) => l.subgroupId).filter((g): g is number => g !== null))];
  const groupRows = groupIds.length
    ? db
        .select({
          subgroupId: subgroupMembers.subgroupId,
          studentId: subgroupMembers.studentId,
          startDate: subgroupMembers.startDate,
          endDate: subgroupMembers.endDate,
        })
        .from(subgroupMembers)
        .where(
          and(
            inArray(subgroupMembers.subgroupId, groupIds),
            lte(subgroupMembers.startDate, to),
            or(isNull(subgroupMembers.endDate), gte(subgroupMembers.endDate, from)),
          ),
        )
        .all()
    : [];

  const lessonIds = allLessons.map((l) => l.id);
  const absenceRows = lessonIds.length
    ? db
        .select({ lessonId: absences.lessonId, studentId: absences.studentId, code: absences.code })
        .from(absences)
        .where(inArray(absences.lessonId, lessonIds))
        .all()
    : [];
  const classOfLesson = new Map(allLessons.map((l) => [l.id, l.classId]));

  const lessonsBy = byClass(allLessons);
  const enrolledBy = byClass(enrolled);
  const absencesBy = byClass(absenceRows.map((a) => ({ ...a, classId: classOfLesson.get(a.lessonId) ?? 0 })));
  const out = new Map<number, ClassAttendance>();
  for (const classId of classIds) {
    const classLessons: ClassLesson[] = (lessonsBy.get(classId) ?? []).map(({ classId: _c, ...l }) => l);
    const members = enrolledBy.get(classId) ?? [];
    const mine = new Set(members.map((m) => m.studentId));
    out.set(classId, {
      lessons: classLessons,
      students: people
        .filter((p) => mine.has(p.id))
        .map((p, i) => ({ id: p.id, number: i + 1, fullName: fullName(p) })),
      absences: (absencesBy.get(classId) ?? []).map(({ classId: _c, ...a }) => a),
      dueAt: dueAtLessons(classLessons, members, groupRows),
    });
  }
  return out;
}

function dueAtLessons(
  classLessons: ClassLesson[],
  enrolled: Membership[],
  groups: (Membership & { subgroupId: number })[],
): Map<number, number[]> {
  const due = new Map<number, number[]>();
  for (const lesson of classLessons) {
    const inClass = new Set(enrolled.filter((m) => covers(m, lesson.date)).map((m) => m.studentId));
    const ids =
      lesson.subgroupId === null
        ? [...inClass]
        : [
            ...new Set(
              groups
                .filter((g) => g.subgroupId === lesson.subgroupId && covers(g, lesson.date) && inClass.has(g.studentId))
                .map((g) => g.studentId),
            ),
          ];
    due.set(lesson.id, ids);
  }
  return due;
}
