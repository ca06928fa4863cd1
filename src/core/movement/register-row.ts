// One line of «Книга движения учащихся» as read from SQL and as the book shows it: both the orders in force
// (register.ts) and the cancelled ones read back from the audit log (cancelled.ts) come out through here.
import type { MovementRegisterRow } from '../../shared/contract/movement';
import { className } from '../../shared/names';

/** A register line as read from SQL: the order's fields, the student's, and both classes' grade and letter. */
export type RawRegisterRow = Omit<MovementRegisterRow, 'name' | 'fromClass' | 'toClass' | 'cancelReason'> & {
  fg: number | null;
  fl: string | null;
  tg: number | null;
  tl: string | null;
};

const classOf = (grade: number | null, letter: string | null) =>
  grade !== null && letter !== null ? className({ grade, letter }) : null;

/** One line of the book, for an order in force (`cancelReason` null) or a cancelled one (cancelled.ts). */
export function registerRow(r: RawRegisterRow, name: string, cancelReason: string | null): MovementRegisterRow {
  return {
    id: r.id,
    date: r.date,
    kind: r.kind,
    studentId: r.studentId,
    name,
    birthDate: r.birthDate,
    personalFileNo: r.personalFileNo,
    fromClassId: r.fromClassId,
    fromClass: classOf(r.fg, r.fl),
    toClassId: r.toClassId,
    toClass: classOf(r.tg, r.tl),
    orderNumber: r.orderNumber,
    orderDate: r.orderDate,
    note: r.note,
    cancelReason,
  };
}
