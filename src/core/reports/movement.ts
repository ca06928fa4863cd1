// Движение учащихся: the orders (прибыл, выбыл, переведён) and the counts of each class and of the school over
// the years. Counts come from the enrollments (who was in which class when); the list from the orders.
import type { FillData, MovementData, MovementEntry } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { kindText, noteText, registerRows } from '../movement/register';
import { orderText } from '../../shared/orders';
import type { ClassInfo } from './roster';

/**
 * The orders of movement between two dates, for some classes (from or to them) or the whole school: the lines of
 * «Книга движения» (movement/register.ts), cancelled orders among them, marked and with the reason, unless left out.
 */
export function movementEntries(
  db: Db,
  from: string,
  to: string,
  classIds?: readonly number[],
  withCancelled = true,
): MovementEntry[] {
  const wanted = classIds ? new Set(classIds) : null;
  return registerRows(db, from, to)
    .filter((r) => withCancelled || r.cancelReason === null)
    .filter(
      (r) =>
        !wanted ||
        (r.fromClassId !== null && wanted.has(r.fromClassId)) ||
        (r.toClassId !== null && wanted.has(r.toClassId)),
    )
    .map((r) => ({
      date: r.date,
      name: r.name,
      kind: kindText(r),
      fromClass: r.fromClass,
      toClass: r.toClass,
      order: orderText(r.orderNumber, r.orderDate),
      note: noteText(r),
      cancelReason: r.cancelReason,
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

export function movementReport(
  db: Db,
  year: { id: number; name: string; startDate: string; endDate: string },
  classes: readonly ClassInfo[],
  today: string,
  schoolWide: boolean,
): MovementData {
  const end = year.endDate < today ? year.endDate : today;
  const stays = db.$client
    .prepare(
      `select e.class_id as classId, e.start_date as startDate, e.end_date as endDate, c.year_id as yearId from class_enrollments e join classes c on c.id = e.class_id`,
    )
    .all() as Array<Stay & { yearId: number }>;
  const years = db.$client
    .prepare(
      'select id, name, start_date as startDate, end_date as endDate from school_years where start_date <= ? order by start_date',
    )
    .all(today) as Array<{ id: number; name: string; startDate: string; endDate: string }>;
  return {
    yearName: year.name,
    classes: classes.map((c) => ({
      className: c.name,
      ...counts(
        stays.filter((s) => s.classId === c.id),
        year.startDate,
        end,
      ),
    })),
    entries: movementEntries(db, year.startDate, end, schoolWide ? undefined : classes.map((c) => c.id)),
    years: schoolWide
      ? years.map((y) => ({
          yearName: y.name,
          ...counts(
            stays.filter((s) => s.yearId === y.id),
            y.startDate,
            y.endDate < today ? y.endDate : today,
          ),
        }))
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
      return {
        classId: c.id,
        className: c.name,
        classTeacher: c.classTeacherName,
        students: r.n,
        boys: r.boys ?? 0,
        girls: r.girls ?? 0,
      };
    }),
  };
}
