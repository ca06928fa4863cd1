// The classes of a year with the students on the roll on a date and their subgroups: what the secretary picks
// from when she enters an order.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { className, compareByName, fullName } from '../../shared/names';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { classEnrollments, classes, students } from '../db/schema';
import { yearOrCurrent } from '../school/years';
import { closedMarkOf } from '../years/closed';
import { subgroupsOf } from './stays';

export function movementClasses(db: Db, clock: Clock, input: { yearId?: number; date?: string }) {
  const year = yearOrCurrent(db, input.yearId);
  const today = localDate(clock.now());
  // Inside the year the list is of today (or the date asked); outside it, of the year's last or first day.
  const wanted = input.date ?? today;
  const date = wanted < year.startDate ? year.startDate : wanted > year.endDate ? year.endDate : wanted;
  const memberOf = db.$client.prepare(
    `select m.subgroup_id as subgroupId, g.name, s.name as subjectName from subgroup_members m join subgroups g on g.id = m.subgroup_id join subjects s on s.id = g.subject_id
     where m.student_id = ? and g.class_id = ? and m.start_date <= ? and (m.end_date is null or m.end_date >= ?) order by s.sort_order`,
  );
  const list = db
    .select()
    .from(classes)
    .where(eq(classes.yearId, year.id))
    .orderBy(asc(classes.grade), asc(classes.letter))
    .all();
  return {
    yearId: year.id,
    yearName: year.name,
    date,
    closed: closedMarkOf(db, year.id) !== null,
    classes: list.map((c) => {
      const roll = db
        .select({ s: students })
        .from(classEnrollments)
        .innerJoin(students, eq(students.id, classEnrollments.studentId))
        .where(
          and(
            eq(classEnrollments.classId, c.id),
            lte(classEnrollments.startDate, date),
            or(isNull(classEnrollments.endDate), gte(classEnrollments.endDate, date)),
          ),
        )
        .all()
        .map((r) => r.s)
        .sort(compareByName);
      return {
        id: c.id,
        name: className(c),
        grade: c.grade,
        students: roll.map((s) => ({
          id: s.id,
          name: fullName(s),
          birthDate: s.birthDate,
          personalFileNo: s.personalFileNo,
          subgroups: memberOf.all(s.id, c.id, date, date) as Array<{
            subgroupId: number;
            name: string;
            subjectName: string;
          }>,
        })),
        subgroups: subgroupsOf(db, c.id, date).map((g) => ({
          id: g.id,
          subjectName: g.subjectName,
          name: g.name,
          members: g.members,
        })),
      };
    }),
  };
}
