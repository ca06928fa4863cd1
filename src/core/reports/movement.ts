// Движение учащихся: the orders (прибыл, выбыл, переведён) and the counts of each class and of the school over
// the years. Counts come from the enrollments (who was in which class when); the list from the orders.
import type { FillData, MovementData, MovementEntry } from '../../shared/contract/report-data';
import { className, fullName } from '../../shared/names';
import type { Db } from '../db/open';
import { orderText } from './tables/build';
import type { ClassInfo } from './roster';

const kindName: Record<string, string> = { enrolled: 'зачислен', arrived: 'прибыл', left: 'выбыл', transferred: 'переведён' };

/** The orders of movement between two dates, for some classes (from or to them) or the whole school. */
export function movementEntries(db: Db, from: string, to: string, classIds?: readonly number[]): MovementEntry[] {
  const rows = db.$client
    .prepare(
      `select m.date, m.kind, m.order_number as orderNumber, m.order_date as orderDate, m.note, s.last_name as lastName, s.first_name as firstName,
              s.middle_name as middleName, m.from_class_id as fromId, fc.grade as fg, fc.letter as fl, m.to_class_id as toId, tc.grade as tg, tc.letter as tl
       from student_movements m join students s on s.id = m.student_id
       left join classes fc on fc.id = m.from_class_id left join classes tc on tc.id = m.to_class_id
       where m.date between ? and ? order by m.date, s.last_name`,
    )
    .all(from, to) as Array<{ date: string; kind: string; orderNumber: string; orderDate: string; note: string | null; lastName: string; firstName: string; middleName: string | null; fromId: number | null; fg: number | null; fl: string | null; toId: number | null; tg: number | null; tl: string | null }>;
  const wanted = classIds ? new Set(classIds) : null;
  return rows
    .filter((r) => !wanted || (r.fromId !== null && wanted.has(r.fromId)) || (r.toId !== null && wanted.has(r.toId)))
    .map((r) => ({
      date: r.date,
      name: fullName(r),
      kind: kindName[r.kind] ?? r.kind,
      fromClass: r.fg !== null && r.fl !== null ? className({ grade: r.fg, letter: r.fl }) : null,
      toClass: r.tg !== null && r.tl !== null ? className({ grade: r.tg, letter: r.tl }) : null,
      order: orderText(r.orderNumber, r.orderDate),
      note: r.note,
    }));
}

interface Stay {
  classId: number;
  startDate: string;
  endDate: string | null;
}

/** On the roll at the start, arrived during, left during, on the roll at the end of [start, end]. */
function counts(stays: readonly Stay[], start: string, end: string) {
  const on = (d: string) => stays.filter((s) => s.startDate <= d && (s.endDate === null || s.endDate >= d)).length;
  return {
    atStart: on(start),
    arrived: stays.filter((s) => s.startDate > start && s.startDate <= end).length,
    left: stays.filter((s) => s.endDate !== null && s.endDate >= start && s.endDate < end).length,
    atEnd: on(end),
  };
}

export function movementReport(db: Db, year: { id: number; name: string; startDate: string; endDate: string }, classes: readonly ClassInfo[], today: string, schoolWide: boolean): MovementData {
  const end = year.endDate < today ? year.endDate : today;
  const stays = db.$client
    .prepare(`select e.class_id as classId, e.start_date as startDate, e.end_date as endDate, c.year_id as yearId from class_enrollments e join classes c on c.id = e.class_id`)
    .all() as Array<Stay & { yearId: number }>;
  const years = db.$client.prepare('select id, name, start_date as startDate, end_date as endDate from school_years where start_date <= ? order by start_date').all(today) as Array<{ id: number; name: string; startDate: string; endDate: string }>;
  return {
    yearName: year.name,
    classes: classes.map((c) => ({ className: c.name, ...counts(stays.filter((s) => s.classId === c.id), year.startDate, end) })),
    entries: movementEntries(db, year.startDate, end, schoolWide ? undefined : classes.map((c) => c.id)),
    years: schoolWide
      ? years.map((y) => ({ yearName: y.name, ...counts(stays.filter((s) => s.yearId === y.id), y.startDate, y.endDate < today ? y.endDate : today) }))
      : [],
  };
}

/** Наполняемость: students per class on a date, with boys and girls. */
export function classFill(db: Db, classes: readonly ClassInfo[], date: string): FillData {
  const stmt = db.$client.prepare(
    `select count(*) as n, sum(s.gender = 'm') as boys, sum(s.gender = 'f') as girls from class_enrollments e join students s on s.id = e.student_id
     where e.class_id = ? and e.start_date <= ? and (e.end_date is null or e.end_date >= ?)`,
  );
  return {
    date,
    rows: classes.map((c) => {
      const r = stmt.get(c.id, date, date) as { n: number; boys: number | null; girls: number | null };
      return { classId: c.id, className: c.name, classTeacher: c.classTeacherName, students: r.n, boys: r.boys ?? 0, girls: r.girls ?? 0 };
    }),
  };
}
