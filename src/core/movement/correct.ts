// Correcting or cancelling a movement order entered wrongly (a wrong date, class or order number): the class stays
// the order made are moved or undone, so the lists, journals and reports follow by themselves, and the audit log
// keeps the order as it was, with the reason. Marks and absences stay in the journal of the class the student was
// in on their date: a change that would leave any of them outside the journals he is on is refused, naming them.
import { and, eq, gte, inArray } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import { addDays, ruDate } from '../../shared/dates';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/open';
import { classEnrollments, studentMovements, students, subgroupMembers, subgroups } from '../db/schema';
import { orderText } from '../../shared/orders';
import { requireOpenYear } from '../years/closed';
import { guardEntries } from './orphans';
import { classRow, joinSubgroups, requireInYear, studentRow } from './stays';
import { writeTransaction } from '../db/write';

type Movement = typeof studentMovements.$inferSelect;

/** The corrected order as a whole: the screen sends every field, changed or not. */
export interface Correction {
  date: string;
  toClassId?: number;
  orderNumber: string;
  orderDate: string;
  note?: string;
}

const dateLabel: Record<Movement['kind'], string> = {
  enrolled: 'Дата зачисления',
  arrived: 'Дата прибытия',
  transferred: 'Дата перевода',
  left: 'Дата выбытия',
};

function movementRow(db: Db, id: number): Movement {
  const m = db.select().from(studentMovements).where(eq(studentMovements.id, id)).get();
  if (!m) throw new AppError('not_found', 'Такого приказа нет');
  return m;
}

const groupsOf = (db: Db, classId: number) =>
  db
    .select({ id: subgroups.id })
    .from(subgroups)
    .where(eq(subgroups.classId, classId))
    .all()
    .map((g) => g.id);

/** The class stays an order made: the one it ended the day before its date, the one it began on it. */
function staysOf(db: Db, m: Movement) {
  const find = (classId: number, end: boolean) =>
    db
      .select()
      .from(classEnrollments)
      .where(
        and(
          eq(classEnrollments.studentId, m.studentId),
          eq(classEnrollments.classId, classId),
          end ? eq(classEnrollments.endDate, addDays(m.date, -1)) : eq(classEnrollments.startDate, m.date),
        ),
      )
      .get();
  const ended = m.fromClassId === null ? null : (find(m.fromClassId, true) ?? null);
  const begun = m.toClassId === null ? null : (find(m.toClassId, false) ?? null);
  if ((m.fromClassId !== null && !ended) || (m.toClassId !== null && !begun)) {
    throw new AppError(
      'conflict',
      'Списки классов уже не такие, какими их сделал этот приказ (их изменили позже): исправьте их новым приказом',
    );
  }
  return { ended, begun };
}

/** Only the student's latest order can change what happened after it: a later one is undone first. */
function requireLatest(db: Db, m: Movement, begun: { endDate: string | null } | null): void {
  const later = db.$client
    .prepare(
      `select date, order_number as orderNumber, order_date as orderDate from student_movements where student_id = ? and id <> ? and (date > ? or (date = ? and id > ?)) order by date, id limit 1`,
    )
    .get(m.studentId, m.id, m.date, m.date, m.id) as
    { date: string; orderNumber: string; orderDate: string } | undefined;
  if (later)
    throw new AppError(
      'conflict',
      `После этого приказа по ученику записан ещё один (${orderText(later.orderNumber, later.orderDate)}, с ${ruDate(later.date)}): сначала отмените или исправьте его`,
    );
  if (begun?.endDate)
    throw new AppError(
      'conflict',
      `Ученик уже выбыл из этого класса с ${ruDate(addDays(begun.endDate, 1))}: сначала отмените или исправьте тот приказ`,
    );
}

/** Moves the end (or the start) of the student's subgroup memberships in a class from one date to another (null: open). */
function shiftMemberships(
  db: Db,
  studentId: number,
  classId: number,
  edge: 'start' | 'end',
  from: string,
  to: string | null,
): void {
  const ids = groupsOf(db, classId);
  if (ids.length === 0) return;
  const column = edge === 'start' ? subgroupMembers.startDate : subgroupMembers.endDate;
  db.update(subgroupMembers)
    .set(edge === 'start' ? { startDate: to ?? from } : { endDate: to })
    .where(and(eq(subgroupMembers.studentId, studentId), inArray(subgroupMembers.subgroupId, ids), eq(column, from)))
    .run();
}

/** Removes the memberships a stay in a class began with (and any made during it): they go with the stay. */
function dropMemberships(db: Db, studentId: number, classId: number, from: string): void {
  const ids = groupsOf(db, classId);
  if (ids.length > 0)
    db.delete(subgroupMembers)
      .where(
        and(
          eq(subgroupMembers.studentId, studentId),
          inArray(subgroupMembers.subgroupId, ids),
          gte(subgroupMembers.startDate, from),
        ),
      )
      .run();
}

/** What the order now says, as the messages of the orders themselves put it. */
function describe(db: Db, m: Movement, name: string): string {
  const from = m.fromClassId === null ? null : classRow(db, m.fromClassId).name;
  const to = m.toClassId === null ? null : classRow(db, m.toClassId).name;
  const before = ruDate(addDays(m.date, -1));
  if (m.kind === 'transferred')
    return `${name} переведён(а) из ${from} в ${to} класс с ${ruDate(m.date)}: до ${before} — в журнале ${from}, с ${ruDate(m.date)} — в журнале ${to}`;
  if (m.kind === 'left') return `${name} выбыл(а) из ${from} класса с ${ruDate(m.date)}: в журнале до ${before}`;
  return `${name} ${m.kind === 'enrolled' ? 'зачислен(а)' : 'прибыл(а)'} в ${to} класс с ${ruDate(m.date)}`;
}

export function createCorrections({ db, audit }: { db: Db; audit: AuditService }) {
  /** The order, its year open, the student and the stays it made. */
  function load(movementId: number) {
    const m = movementRow(db, movementId);
    const cls = classRow(db, (m.toClassId ?? m.fromClassId)!);
    requireOpenYear(db, cls.yearId);
    return { m, cls, student: studentRow(db, m.studentId), ...staysOf(db, m) };
  }

  return {
    correct(actor: Actor, movementId: number, input: Correction & { reason: string }) {
      const { m, cls, student, ended, begun } = load(movementId);
      const toClassId = m.kind === 'left' ? null : (input.toClassId ?? m.toClassId);
      if (m.kind === 'left' && input.toClassId !== undefined)
        throw new AppError('validation', 'У выбытия нет класса, куда переводят: укажите, куда выбыл ученик');
      if ((m.kind === 'left' || m.kind === 'arrived') && !input.note)
        throw new AppError(
          'validation',
          m.kind === 'left' ? 'Укажите, куда выбыл ученик' : 'Укажите, откуда прибыл ученик',
        );
      const note = input.note ?? null;
      const moved = input.date !== m.date;
      const reclassed = toClassId !== m.toClassId;
      if (
        !moved &&
        !reclassed &&
        input.orderNumber === m.orderNumber &&
        input.orderDate === m.orderDate &&
        note === m.note
      )
        throw new AppError('validation', 'В приказе ничего не изменено');
      requireInYear(cls, input.date, dateLabel[m.kind]);
      if (ended && input.date <= ended.startDate)
        throw new AppError(
          'validation',
          `${dateLabel[m.kind]} должна быть позже зачисления в ${classRow(db, ended.classId).name} класс (${ruDate(ended.startDate)})`,
        );
      if (reclassed) {
        const target = classRow(db, toClassId!);
        if (target.yearId !== cls.yearId)
          throw new AppError('validation', 'Перевести можно только в класс того же учебного года');
        if (target.id === m.fromClassId) throw new AppError('validation', `Ученик и так был в ${target.name} классе`);
      }
      if (moved || reclassed) requireLatest(db, m, begun);
      const values = { date: input.date, toClassId, orderNumber: input.orderNumber, orderDate: input.orderDate, note };
      writeTransaction(db, () =>
        guardEntries(db, m.studentId, cls.yearId, () => {
          if (ended && moved) {
            db.update(classEnrollments)
              .set({ endDate: addDays(input.date, -1) })
              .where(eq(classEnrollments.id, ended.id))
              .run();
            shiftMemberships(db, m.studentId, ended.classId, 'end', addDays(m.date, -1), addDays(input.date, -1));
          }
          if (begun && reclassed) {
            dropMemberships(db, m.studentId, begun.classId, m.date);
            db.update(classEnrollments)
              .set({ classId: toClassId!, startDate: input.date })
              .where(eq(classEnrollments.id, begun.id))
              .run();
            joinSubgroups(db, m.studentId, toClassId!, input.date, input.orderNumber);
          } else if (begun && moved) {
            db.update(classEnrollments).set({ startDate: input.date }).where(eq(classEnrollments.id, begun.id)).run();
            shiftMemberships(db, m.studentId, begun.classId, 'start', m.date, input.date);
          }
          db.update(studentMovements).set(values).where(eq(studentMovements.id, m.id)).run();
          audit.record({
            userId: actor.userId,
            action: 'movement.correct',
            entity: 'student',
            entityId: m.studentId,
            oldValue: { movementId: m.id, ...pick(m) },
            newValue: { movementId: m.id, ...values },
            reason: input.reason,
          });
        }),
      );
      return { movementId: m.id, message: `Приказ исправлен: ${describe(db, { ...m, ...values }, student.name)}` };
    },

    cancel(actor: Actor, movementId: number, reason: string) {
      const { m, student, ended, begun } = load(movementId);
      requireLatest(db, m, begun);
      const from = ended ? classRow(db, ended.classId).name : null;
      const to = begun ? classRow(db, begun.classId).name : null;
      let removed = false;
      writeTransaction(db, () =>
        guardEntries(db, m.studentId, classRow(db, (m.toClassId ?? m.fromClassId)!).yearId, () => {
          if (begun) {
            dropMemberships(db, m.studentId, begun.classId, m.date);
            db.delete(classEnrollments).where(eq(classEnrollments.id, begun.id)).run();
          }
          if (ended) {
            db.update(classEnrollments).set({ endDate: null }).where(eq(classEnrollments.id, ended.id)).run();
            shiftMemberships(db, m.studentId, ended.classId, 'end', addDays(m.date, -1), null);
          }
          db.delete(studentMovements).where(eq(studentMovements.id, m.id)).run();
          audit.record({
            userId: actor.userId,
            action: 'movement.cancel',
            entity: 'student',
            entityId: m.studentId,
            oldValue: { movementId: m.id, ...pick(m), student: student.name },
            newValue: null,
            reason,
          });
          // A student who never came is removed, unless something else (a mark, a decision) names him.
          if (!ended) removed = removeIfUnused(db, m.studentId);
        }),
      );
      const order = `№ ${m.orderNumber} от ${ruDate(m.orderDate)}`;
      if (m.kind === 'transferred')
        return {
          movementId: null,
          message: `Приказ ${order} отменён: ${student.name} снова в ${from} классе, из списка ${to} класса убран(а)`,
        };
      if (m.kind === 'left')
        return { movementId: null, message: `Приказ ${order} отменён: ${student.name} снова в списке ${from} класса` };
      return {
        movementId: null,
        message: `Приказ ${order} отменён: ${student.name} не числится в ${to} классе${removed ? '' : ' (запись об ученике сохранена: на неё ссылаются другие данные)'}`,
      };
    },
  };
}

const pick = (m: Movement) => ({
  kind: m.kind,
  date: m.date,
  fromClassId: m.fromClassId,
  toClassId: m.toClassId,
  orderNumber: m.orderNumber,
  orderDate: m.orderDate,
  note: m.note,
});

function removeIfUnused(db: Db, studentId: number): boolean {
  const left = db.$client
    .prepare(
      'select exists(select 1 from class_enrollments where student_id = ?) or exists(select 1 from student_movements where student_id = ?) as used',
    )
    .get(studentId, studentId) as { used: number };
  if (left.used) return false;
  try {
    db.delete(students).where(eq(students.id, studentId)).run();
    return true;
  } catch (e) {
    // Marks, period marks or a decision still name him (the foreign keys say so): he stays, invisible in every list.
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw e;
  }
}
