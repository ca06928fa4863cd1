// Everything the structure editors show for one school year, read at once: a school has at most a few
// hundred of these rows, so one call keeps the screens simple and consistent with each other.
import { asc, eq, inArray } from 'drizzle-orm';
import { className, fullName, shortName } from '../../shared/names';
import type { Db } from '../db/open';
import { assignments, classes, curriculum, subgroups, subjects, userRoles, users, workKinds } from '../db/schema';
import { readSetting } from '../school/settings';
import { closedMarkOf } from '../years/closed';
import { lessonCounts, usedAssignments, usedClasses, usedSubgroups, usedSubjects, usedWorkKinds } from './usage';

export function readOverview(
  db: Db,
  year: { id: number; name: string; startDate: string; endDate: string },
  today: string,
) {
  const count = (sql: string, ...args: unknown[]) =>
    new Map((db.$client.prepare(sql).all(...args) as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const students = count(
    'select class_id as id, count(distinct student_id) as n from class_enrollments where start_date <= ? and (end_date is null or end_date >= ?) group by class_id',
    today,
    today,
  );
  const members = count(
    'select subgroup_id as id, count(distinct student_id) as n from subgroup_members where start_date <= ? and (end_date is null or end_date >= ?) group by subgroup_id',
    today,
    today,
  );
  const teacherIds = db
    .selectDistinct({ id: userRoles.userId })
    .from(userRoles)
    .where(inArray(userRoles.role, ['teacher', 'class_teacher']))
    .all()
    .map((r) => r.id);
  const used = {
    subjects: usedSubjects(db),
    classes: usedClasses(db),
    subgroups: usedSubgroups(db),
    assignments: usedAssignments(db),
    kinds: usedWorkKinds(db),
  };
  const lessons = lessonCounts(db, year.id);
  const classRows = db
    .select()
    .from(classes)
    .where(eq(classes.yearId, year.id))
    .orderBy(asc(classes.grade), asc(classes.letter))
    .all();
  const classIds = classRows.map((c) => c.id);
  const taught = readSetting(db, 'structure.teacherSubjects');
  // A subject deleted since the teachers' list was imported drops out of the hint.
  const subjectIds = new Set(
    db
      .select({ id: subjects.id })
      .from(subjects)
      .all()
      .map((s) => s.id),
  );

  return {
    year: {
      id: year.id,
      name: year.name,
      startDate: year.startDate,
      endDate: year.endDate,
      readOnly: closedMarkOf(db, year.id) !== null,
    },
    teachers: (teacherIds.length ? db.select().from(users).where(inArray(users.id, teacherIds)).all() : [])
      .sort((a, b) => fullName(a).localeCompare(fullName(b), 'ru'))
      .map((u) => ({
        id: u.id,
        name: shortName(u),
        isActive: u.isActive,
        subjectIds: (taught[String(u.id)] ?? []).filter((id) => subjectIds.has(id)),
      })),
    subjects: db
      .select()
      .from(subjects)
      .orderBy(asc(subjects.sortOrder), asc(subjects.name))
      .all()
      .map((s) => ({ ...s, inUse: used.subjects.has(s.id) })),
    curriculum: db
      .select()
      .from(curriculum)
      .where(eq(curriculum.yearId, year.id))
      .orderBy(asc(curriculum.grade))
      .all()
      .map((c) => ({
        id: c.id,
        grade: c.grade,
        subjectId: c.subjectId,
        hoursPerWeek: c.hoursPerWeek,
        hoursPerYear: c.hoursPerYear,
        splitIntoSubgroups: c.splitIntoSubgroups,
        inUse: false,
      })),
    classes: classRows.map((c) => ({
      id: c.id,
      grade: c.grade,
      letter: c.letter,
      name: className(c),
      shift: c.shift,
      classTeacherId: c.classTeacherId,
      students: students.get(c.id) ?? 0,
      inUse: used.classes.has(c.id),
    })),
    subgroups: (classIds.length
      ? db.select().from(subgroups).where(inArray(subgroups.classId, classIds)).orderBy(asc(subgroups.name)).all()
      : []
    ).map((g) => ({
      ...g,
      members: members.get(g.id) ?? 0,
      inUse: used.subgroups.has(g.id),
    })),
    assignments: db
      .select()
      .from(assignments)
      .where(eq(assignments.yearId, year.id))
      .all()
      .map((a) => ({
        id: a.id,
        classId: a.classId,
        subgroupId: a.subgroupId,
        subjectId: a.subjectId,
        teacherId: a.teacherId,
        hoursPerWeek: a.hoursPerWeek,
        lessons: lessons.get(a.id) ?? 0,
        inUse: used.assignments.has(a.id),
      })),
    workKinds: db
      .select()
      .from(workKinds)
      .orderBy(asc(workKinds.sortOrder), asc(workKinds.id))
      .all()
      .map((k) => ({ ...k, inUse: used.kinds.has(k.id) })),
  };
}
