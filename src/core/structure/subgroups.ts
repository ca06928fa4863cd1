// Subgroups of a class for a subject, and who is in them from which date. Membership is history: a student
// moved on a date leaves one subgroup the day before and joins the other on that date, so each subgroup's
// journal shows them for the dates they were there.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className, compareByName, fullName } from '../../shared/names';
import { addDays, ruDate } from '../../shared/dates';
import type { Db } from '../db/open';
import { classEnrollments, students, subgroupMembers, subgroups } from '../db/schema';
import { subjectById } from './catalogs';
import { classRow } from './classes';
import { usedSubgroups } from './usage';
import { writeTransaction } from '../db/write';

export interface SubgroupInput {
  id?: number | undefined;
  classId: number;
  subjectId: number;
  name: string;
}

export function subgroupRow(db: Db, id: number) {
  const row = db.select().from(subgroups).where(eq(subgroups.id, id)).get();
  if (!row) throw new AppError('not_found', 'Подгруппа не найдена');
  return row;
}

export function saveSubgroup(db: Db, input: SubgroupInput): number {
  const cls = classRow(db, input.classId);
  const subject = subjectById(db, input.subjectId);
  const twin = db
    .select()
    .from(subgroups)
    .where(and(eq(subgroups.classId, cls.id), eq(subgroups.subjectId, subject.id)))
    .all()
    .find((g) => g.id !== input.id && g.name.trim().toLowerCase() === input.name.trim().toLowerCase());
  if (twin)
    throw new AppError('conflict', `В ${className(cls)} по предмету «${subject.name}» уже есть «${twin.name}»`, {
      refusal: 'exists',
    });
  if (input.id) {
    const old = subgroupRow(db, input.id);
    if ((old.classId !== cls.id || old.subjectId !== subject.id) && usedSubgroups(db).has(old.id)) {
      throw new AppError('conflict', 'У подгруппы уже есть нагрузка и журнал: можно только переименовать её', {
        refusal: 'in_use',
      });
    }
    db.update(subgroups)
      .set({ classId: cls.id, subjectId: subject.id, name: input.name })
      .where(eq(subgroups.id, old.id))
      .run();
    return old.id;
  }
  return db
    .insert(subgroups)
    .values({ classId: cls.id, subjectId: subject.id, name: input.name })
    .returning({ id: subgroups.id })
    .get().id;
}

export function deleteSubgroup(db: Db, id: number): string {
  const g = subgroupRow(db, id);
  if (usedSubgroups(db).has(id))
    throw new AppError('conflict', `У «${g.name}» есть нагрузка и журнал: удалить её нельзя, можно переименовать`, {
      refusal: 'in_use',
    });
  writeTransaction(db, () => {
    db.delete(subgroupMembers).where(eq(subgroupMembers.subgroupId, id)).run();
    db.delete(subgroups).where(eq(subgroups.id, id)).run();
  });
  return g.name;
}

const activeOn = (date: string) =>
  and(lte(subgroupMembers.startDate, date), or(isNull(subgroupMembers.endDate), gte(subgroupMembers.endDate, date)));

/** The class's students on a date, each marked in this subgroup, in a sibling one, or in none. */
export function membersOn(db: Db, subgroupId: number, date: string) {
  const g = subgroupRow(db, subgroupId);
  const siblings = new Map(
    db
      .select()
      .from(subgroups)
      .where(and(eq(subgroups.classId, g.classId), eq(subgroups.subjectId, g.subjectId)))
      .all()
      .map((s) => [s.id, s.name]),
  );
  const membership = new Map<number, { subgroupId: number; since: string }>();
  for (const m of db.select().from(subgroupMembers).where(activeOn(date)).all()) {
    if (siblings.has(m.subgroupId)) membership.set(m.studentId, { subgroupId: m.subgroupId, since: m.startDate });
  }
  return db
    .select({ s: students })
    .from(classEnrollments)
    .innerJoin(students, eq(students.id, classEnrollments.studentId))
    .where(
      and(
        eq(classEnrollments.classId, g.classId),
        lte(classEnrollments.startDate, date),
        or(isNull(classEnrollments.endDate), gte(classEnrollments.endDate, date)),
      ),
    )
    .orderBy(asc(students.lastName))
    .all()
    .map((r) => r.s)
    .sort(compareByName)
    .map((s) => {
      const m = membership.get(s.id);
      const mine = m?.subgroupId === g.id;
      return {
        studentId: s.id,
        name: fullName(s),
        inSubgroup: mine,
        otherSubgroup: m && !mine ? (siblings.get(m.subgroupId) ?? null) : null,
        since: mine ? m.since : null,
      };
    });
}

/** Ends a membership the day before `date`, or drops it when it would only start on or after that date. */
function endMembership(db: Db, row: typeof subgroupMembers.$inferSelect, date: string): void {
  if (row.startDate >= date) db.delete(subgroupMembers).where(eq(subgroupMembers.id, row.id)).run();
  else
    db.update(subgroupMembers)
      .set({ endDate: addDays(date, -1) })
      .where(eq(subgroupMembers.id, row.id))
      .run();
}

export function setMembers(
  db: Db,
  subgroupId: number,
  date: string,
  studentIds: readonly number[],
  orderNumber: string | null,
): { added: number; removed: number } {
  const g = subgroupRow(db, subgroupId);
  const roster = membersOn(db, subgroupId, date);
  const onRoll = new Set(roster.map((r) => r.studentId));
  const stranger = studentIds.find((id) => !onRoll.has(id));
  if (stranger !== undefined)
    throw new AppError(
      'validation',
      `Ученик №${stranger} не учится в ${className(classRow(db, g.classId))} на ${ruDate(date)}`,
    );
  const wanted = new Set(studentIds);
  const siblingIds = db
    .select({ id: subgroups.id })
    .from(subgroups)
    .where(and(eq(subgroups.classId, g.classId), eq(subgroups.subjectId, g.subjectId)))
    .all()
    .map((s) => s.id);
  const active = db
    .select()
    .from(subgroupMembers)
    .where(activeOn(date))
    .all()
    .filter((m) => siblingIds.includes(m.subgroupId) && onRoll.has(m.studentId)); // who left the class is the movement's business
  let added = 0;
  let removed = 0;
  writeTransaction(db, () => {
    for (const m of active) {
      const leaves = m.subgroupId === g.id ? !wanted.has(m.studentId) : wanted.has(m.studentId);
      if (!leaves) continue;
      endMembership(db, m, date);
      if (m.subgroupId === g.id) removed++;
    }
    const already = new Set(active.filter((m) => m.subgroupId === g.id).map((m) => m.studentId));
    for (const id of wanted) {
      if (already.has(id)) continue;
      db.insert(subgroupMembers)
        .values({ subgroupId: g.id, studentId: id, startDate: date, endDate: null, orderNumber })
        .run();
      added++;
    }
  });
  return { added, removed };
}
