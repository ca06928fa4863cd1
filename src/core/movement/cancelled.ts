// Cancelled orders in «Книга движения»: a register is a record, so an order cancelled as entered by mistake keeps
// its line, marked «отменён» with the reason, instead of vanishing. Cancelling deletes the order itself (class
// lists and journals must not see it); the append-only audit log keeps what it said (correct.ts), and the
// register reads it back from there (by the log's entity index: a school's log holds millions of mark entries).
import type { MovementRegisterRow } from '../../shared/contract/movement';
import type { Db } from '../db/open';
import { registerRow, type RawRegisterRow } from './register-row';

export function cancelledRows(db: Db, from: string, to: string, classId?: number): MovementRegisterRow[] {
  const rows = db.$client
    .prepare(
      `select a.old_value ->> '$.movementId' as id, a.old_value ->> '$.date' as date, a.old_value ->> '$.kind' as kind, cast(a.entity_id as integer) as studentId,
              a.old_value ->> '$.student' as name, s.birth_date as birthDate, s.personal_file_no as personalFileNo,
              a.old_value ->> '$.fromClassId' as fromClassId, a.old_value ->> '$.toClassId' as toClassId, fc.grade as fg, fc.letter as fl, tc.grade as tg, tc.letter as tl,
              a.old_value ->> '$.orderNumber' as orderNumber, a.old_value ->> '$.orderDate' as orderDate, a.old_value ->> '$.note' as note, a.reason
       from audit_log a
       left join students s on s.id = a.entity_id
       left join classes fc on fc.id = a.old_value ->> '$.fromClassId' left join classes tc on tc.id = a.old_value ->> '$.toClassId'
       where a.entity = 'student' and a.action = 'movement.cancel' and a.old_value ->> '$.date' between ? and ?
         and (? is null or fc.id = ? or tc.id = ?)
       order by a.id`,
    )
    .all(from, to, classId ?? null, classId ?? null, classId ?? null) as (RawRegisterRow & {
    name: string;
    reason: string | null;
  })[];
  return rows.map((r) => registerRow(r, r.name, r.reason ?? ''));
}
