import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import { className, compareByName, fullName, shortName } from '../../../shared/names';
import type { Db } from '../../db/open';
import {
  absences,
  assignments,
  classes,
  inspectionRemarks,
  lessons,
  marks,
  periodMarks,
  schoolYears,
  students,
  subjects,
  users,
  workKinds,
} from '../../db/schema';
import { assignmentSummaries } from '../../journal/assignments';
import { givenLesson } from '../../journal/given';
import { membersDuring, type Membership } from '../../journal/membership';
import type { SchoolService } from '../../school/service';
import { orderText } from '../../../shared/orders';
import { ruDate } from '../../../shared/dates';
import type { PupilParent } from '../../../shared/contract/pupils';
import { parentsOf } from '../../pupils/cards';
import { cellKey, type BookJournal, type BookLesson, type BookStudent, type ClassBook } from './model';

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];

type Person = typeof students.$inferSelect;

/** A journal's students with their first/last day, in the paper list's order: the start's alphabetically, then arrivals. */
function listOf(
  people: Map<number, Person>,
  spans: Membership[],
  yearStart: string,
  yearEnd: string,
  parents: Map<number, PupilParent[]> = new Map(),
): BookStudent[] {
  const byStudent = new Map<number, Membership[]>();
  for (const m of spans) byStudent.set(m.studentId, [...(byStudent.get(m.studentId) ?? []), m]);
  const list = [...byStudent].flatMap(([id, ms]) => {
    const p = people.get(id);
    if (!p) return [];
    const from = ms.map((m) => m.startDate).sort()[0] ?? yearStart;
    const to = ms.some((m) => m.endDate === null)
      ? null
      : (ms
          .map((m) => m.endDate as string)
          .sort()
          .at(-1) ?? null);
    return [
      {
        id,
        fullName: fullName(p),
        listName: `${p.lastName} ${p.firstName}`,
        birthDate: p.birthDate,
        gender: p.gender,
        personalFileNo: p.personalFileNo,
        address: p.address,
        parents: (parents.get(id) ?? []).map((r) => [`${r.fullName} (${r.relation})`, ...r.phones].join('\n')),
        arrived: from > yearStart ? from : null,
        left: to !== null && to < yearEnd ? to : null,
        person: p,
      },
    ];
  });
  list.sort((a, b) => (a.arrived ?? '').localeCompare(b.arrived ?? '') || compareByName(a.person, b.person));
  return list.map(({ person: _, ...s }) => s);
}

/**
 * Loads one class's year for printing: a handful of queries per class, whatever the number of subjects. The
 * lessons are those given by `today` (journal/given.ts), with their marks and absences.
 */
export function loadClassBook(db: Db, school: SchoolService, classId: number, today: string): ClassBook {
  const cls = db.select().from(classes).where(eq(classes.id, classId)).get();
  if (!cls) throw new AppError('not_found', 'Такого класса нет');
  const year = db.select().from(schoolYears).where(eq(schoolYears.id, cls.yearId)).get();
  if (!year) throw new AppError('not_found', 'Учебный год класса не найден');
  const teacher = cls.classTeacherId
    ? db.select().from(users).where(eq(users.id, cls.classTeacherId)).get()
    : undefined;

  const summaries = assignmentSummaries(db, eq(assignments.classId, classId), null);
  const owners = new Map(
    db
      .select({ id: assignments.id, teacherId: assignments.teacherId, subgroupId: assignments.subgroupId })
      .from(assignments)
      .where(eq(assignments.classId, classId))
      .all()
      .map((a) => [a.id, a]),
  );
  const ids = summaries.map((a) => a.id);

  const classSpans = membersDuring(db, { classId, subgroupId: null }, year.startDate, year.endDate);
  const journalSpans = new Map(
    summaries.map((a) => {
      const subgroupId = owners.get(a.id)?.subgroupId ?? null;
      return [a.id, subgroupId ? membersDuring(db, { classId, subgroupId }, year.startDate, year.endDate) : classSpans];
    }),
  );
  const studentIds = [...new Set([...journalSpans.values()].flat().map((m) => m.studentId))];
  const people = new Map(
    (studentIds.length ? db.select().from(students).where(inArray(students.id, studentIds)).all() : []).map((p) => [
      p.id,
      p,
    ]),
  );

  const inClass = and(inArray(lessons.assignmentId, ids.length ? ids : [0]), givenLesson(today));
  const lessonRows = db
    .select({ lesson: lessons, giver: users, isControl: workKinds.isControl })
    .from(lessons)
    .innerJoin(users, eq(users.id, lessons.givenById))
    .innerJoin(workKinds, eq(workKinds.id, lessons.workKindId))
    .where(inClass)
    .orderBy(asc(lessons.date), asc(lessons.lessonNumber))
    .all();
  const cells = new Map<string, string>();
  const markRows = db
    .select({ l: marks.lessonId, s: marks.studentId, v1: marks.value1, v2: marks.value2 })
    .from(marks)
    .innerJoin(lessons, eq(lessons.id, marks.lessonId))
    .where(inClass)
    .all();
  for (const m of markRows) cells.set(cellKey(m.l, m.s), m.v2 ? `${m.v1}/${m.v2}` : m.v1);
  const absenceRows = db
    .select({ l: absences.lessonId, s: absences.studentId, code: absences.code })
    .from(absences)
    .innerJoin(lessons, eq(lessons.id, absences.lessonId))
    .where(inClass)
    .all();
  // A mark and an absence in one cell: the paper journal shows the mark (the student came late and answered).
  for (const a of absenceRows) if (!cells.has(cellKey(a.l, a.s))) cells.set(cellKey(a.l, a.s), a.code);

  const lessonsBy = new Map<number, BookLesson[]>();
  const dateOf = new Map<number, string>();
  for (const { lesson, giver, isControl } of lessonRows) {
    dateOf.set(lesson.id, lesson.date);
    const list = lessonsBy.get(lesson.assignmentId) ?? [];
    list.push({
      id: lesson.id,
      date: lesson.date,
      lessonNumber: lesson.lessonNumber,
      topic: lesson.topic,
      homework: lesson.homework,
      teacherName: shortName(giver),
      isSubstitution: lesson.givenById !== owners.get(lesson.assignmentId)?.teacherId,
      isControl,
    });
    lessonsBy.set(lesson.assignmentId, list);
  }
  const journals: BookJournal[] = summaries.map((a) => ({
    assignmentId: a.id,
    subjectId: a.subjectId,
    subjectName: a.subjectName,
    subgroupName: a.subgroupName,
    teacherName: a.teacherName,
    students: listOf(people, journalSpans.get(a.id) ?? [], year.startDate, year.endDate),
    lessons: lessonsBy.get(a.id) ?? [],
    cells,
  }));

  const finalMarks: ClassBook['finalMarks'] = new Map();
  const finals = studentIds.length
    ? db
        .select()
        .from(periodMarks)
        .where(and(eq(periodMarks.yearId, year.id), inArray(periodMarks.studentId, studentIds)))
        .all()
    : [];
  for (const f of finals) {
    const bySubject = finalMarks.get(f.subjectId) ?? new Map<number, Map<string, string>>();
    const byStudent = bySubject.get(f.studentId) ?? new Map<string, string>();
    byStudent.set(f.kind === 'period' ? `p${f.periodId}` : f.kind, f.value);
    bySubject.set(f.studentId, byStudent);
    finalMarks.set(f.subjectId, bySubject);
  }

  const absencesByMonth: ClassBook['absencesByMonth'] = new Map();
  for (const a of absenceRows) {
    if (a.code === 'оп') continue; // late is not missed
    const month = (dateOf.get(a.l) ?? '').slice(0, 7);
    const byMonth = absencesByMonth.get(a.s) ?? new Map<string, [number, number]>();
    const [total, ill] = byMonth.get(month) ?? [0, 0];
    byMonth.set(month, [total + 1, ill + (a.code === 'б' ? 1 : 0)]);
    absencesByMonth.set(a.s, byMonth);
  }

  // The orders behind each arrival and departure, for «Общие сведения об обучающихся».
  const orders: ClassBook['orders'] = new Map();
  const moves = db.$client
    .prepare(
      'select student_id as studentId, to_class_id as toClassId, order_number as n, order_date as d from student_movements where from_class_id = ? or to_class_id = ? order by date, id',
    )
    .all(classId, classId) as Array<{ studentId: number; toClassId: number | null; n: string; d: string }>;
  for (const m of moves) {
    const o = orders.get(m.studentId) ?? { arrived: null, left: null };
    o[m.toClassId === classId ? 'arrived' : 'left'] = orderText(m.n, m.d);
    orders.set(m.studentId, o);
  }

  const subjectIds = [...new Set(summaries.map((a) => a.subjectId))];
  const subjectRows = subjectIds.length
    ? db
        .select()
        .from(subjects)
        .where(inArray(subjects.id, subjectIds))
        .orderBy(asc(subjects.sortOrder), asc(subjects.name))
        .all()
    : [];
  const remarks = db
    .select({
      date: inspectionRemarks.date,
      text: inspectionRemarks.text,
      response: inspectionRemarks.response,
      fixBy: inspectionRemarks.fixBy,
      doneAt: inspectionRemarks.doneAt,
      resolvedAt: inspectionRemarks.resolvedAt,
      assignmentId: inspectionRemarks.assignmentId,
      author: users,
    })
    .from(inspectionRemarks)
    .innerJoin(users, eq(users.id, inspectionRemarks.authorId))
    .where(eq(inspectionRemarks.classId, classId))
    .orderBy(asc(inspectionRemarks.date))
    .all();

  return {
    schoolName: school.schoolName() ?? '',
    director: school.director() ?? '',
    classId,
    className: className(cls),
    grade: cls.grade,
    yearName: year.name,
    yearStart: year.startDate,
    yearEnd: year.endDate,
    classTeacher: teacher ? fullName(teacher) : null,
    periods: school.periods(year.id, cls.grade).map((p, i) => ({
      id: p.id,
      name: p.name,
      short: roman[i] ?? String(i + 1),
      startDate: p.startDate,
      endDate: p.endDate,
    })),
    students: listOf(
      people,
      classSpans,
      year.startDate,
      year.endDate,
      parentsOf(
        db,
        classSpans.map((m) => m.studentId),
      ),
    ),
    journals,
    subjects: subjectRows.map((s) => ({ id: s.id, name: s.name, shortName: s.shortName })),
    orders,
    finalMarks,
    absencesByMonth,
    remarks: remarks.map((r) => ({
      date: r.date,
      text: r.fixBy ? `${r.text} (исправить до ${ruDate(r.fixBy)})` : r.text,
      // What became of it: the teacher's note, when it was fixed and when the deputy confirmed it.
      response:
        [
          r.response,
          r.doneAt ? `исправлено ${ruDate(r.doneAt.slice(0, 10))}` : null,
          r.resolvedAt ? `подтверждено ${ruDate(r.resolvedAt.slice(0, 10))}` : null,
        ]
          .filter(Boolean)
          .join('; ') || null,
      assignmentId: r.assignmentId,
      author: shortName(r.author),
    })),
  };
}
