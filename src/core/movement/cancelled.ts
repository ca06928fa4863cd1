// Cancelled orders in «Книга движения»: a register is a record, so an order cancelled as entered by mistake keeps
// its line, marked «отменён» with the reason, instead of vanishing. Cancelling deletes the order itself (class
// lists and journals must not see it); the append-only audit log keeps what it said (correct.ts), and the
// register reads it back from there (by the log's entity index: a school's log holds millions of mark entries).
import type { MovementRegisterRow } from '../../shared/contract/movement';
import { className } from '../../shared/names';
import type { Db } from '../db/open';

interface Cancelled {
  movementId: number;
  kind: MovementRegisterRow['kind'];
  date: string;
  fromClassId: number | null;
  toClassId: number | null;
  orderNumber: string;
  orderDate: string;
  note: string | null;
  student: string;
}

export function cancelledRows(db: Db, from: string, to: string, classId?: number): MovementRegisterRow[] {
  const entries = db.$client
    .prepare(
      `select a.entity_id as studentId, a.old_value as old, a.reason, s.birth_date as birthDate, s.personal_file_no as personalFileNo
       from audit_log a left join students s on s.id = a.entity_id
       where a.entity = 'student' and a.action = 'movement.cancel' and json_extract(a.old_value, '$.date') between ? and ?
         and (? is null or json_extract(a.old_value, '$.fromClassId') = ? or json_extract(a.old_value, '$.toClassId') = ?)
       order by a.id`,
    )
    .all(from, to, classId ?? null, classId ?? null, classId ?? null) as { studentId: string; old: string; reason: string | null; birthDate: string | null; personalFileNo: string | null }[];
  const names = new Map((db.$client.prepare('select id, grade, letter from classes').all() as { id: number; grade: number; letter: string }[]).map((c) => [c.id, className(c)]));
  return entries.map((e) => {
    const m = JSON.parse(e.old) as Cancelled;
    return {
      id: m.movementId,
      date: m.date,
      kind: m.kind,
      studentId: Number(e.studentId),
      name: m.student,
      birthDate: e.birthDate,
      personalFileNo: e.personalFileNo,
      fromClassId: m.fromClassId,
      fromClass: m.fromClassId !== null ? (names.get(m.fromClassId) ?? null) : null,
      toClassId: m.toClassId,
      toClass: m.toClassId !== null ? (names.get(m.toClassId) ?? null) : null,
      orderNumber: m.orderNumber,
      orderDate: m.orderDate,
      note: m.note,
      cancelReason: e.reason ?? '',
    };
  });
}
