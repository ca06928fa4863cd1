// Subjects and work kinds: the school's two catalogs. A name is unique; what the journal uses is renamed,
// never deleted.
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { curriculum, subjects, workKinds } from '../db/schema';
import { usedSubjects, usedWorkKinds } from './usage';
import { writeTransaction } from '../db/write';

export interface SubjectInput {
  id?: number | undefined;
  name: string;
  shortName: string;
  sortOrder: number;
}

export interface WorkKindInput {
  id?: number | undefined;
  name: string;
  shortName: string;
  weight: number;
  isControl: boolean;
  markingDays: number | null;
  color: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function subjectById(db: Db, id: number) {
  const row = db.select().from(subjects).where(eq(subjects.id, id)).get();
  if (!row) throw new AppError('not_found', 'Предмет не найден');
  return row;
}

export function saveSubject(db: Db, input: SubjectInput): number {
  const clash = db
    .select()
    .from(subjects)
    .all()
    .find((s) => s.id !== input.id && same(s.name, input.name));
  if (clash) throw new AppError('conflict', `Предмет «${clash.name}» уже есть`, { refusal: 'exists' });
  const values = { name: input.name, shortName: input.shortName, sortOrder: input.sortOrder };
  if (input.id) {
    subjectById(db, input.id);
    db.update(subjects).set(values).where(eq(subjects.id, input.id)).run();
    return input.id;
  }
  return db.insert(subjects).values(values).returning({ id: subjects.id }).get().id;
}

export function deleteSubject(db: Db, id: number): string {
  const s = subjectById(db, id);
  if (usedSubjects(db).has(id)) {
    throw new AppError(
      'conflict',
      `Предмет «${s.name}» уже есть в нагрузке или в журналах: удалить его нельзя, можно переименовать`,
    );
  }
  writeTransaction(db, () => {
    db.delete(curriculum).where(eq(curriculum.subjectId, id)).run();
    db.delete(subjects).where(eq(subjects.id, id)).run();
  });
  return s.name;
}

export function workKindById(db: Db, id: number) {
  const row = db.select().from(workKinds).where(eq(workKinds.id, id)).get();
  if (!row) throw new AppError('not_found', 'Вид работы не найден');
  return row;
}

export function saveWorkKind(db: Db, input: WorkKindInput): number {
  const clash = db
    .select()
    .from(workKinds)
    .all()
    .find((k) => k.id !== input.id && same(k.name, input.name));
  if (clash) throw new AppError('conflict', `Вид работы «${clash.name}» уже есть`, { refusal: 'exists' });
  const values = {
    name: input.name,
    shortName: input.shortName,
    weight: input.weight,
    isControl: input.isControl,
    markingDays: input.markingDays,
    color: input.color,
  };
  if (input.id) {
    workKindById(db, input.id);
    db.update(workKinds).set(values).where(eq(workKinds.id, input.id)).run();
    return input.id;
  }
  const next = db
    .select({
      n: sql<number>`coalesce(max(${workKinds.id}), 0) + 1`,
      order: sql<number>`coalesce(max(${workKinds.sortOrder}), 0) + 1`,
    })
    .from(workKinds)
    .get();
  // The code names built-in kinds in the demo and in reports; the school's own kinds get a neutral one.
  return db
    .insert(workKinds)
    .values({ ...values, code: `kind-${next?.n ?? 1}`, sortOrder: next?.order ?? 1 })
    .returning({ id: workKinds.id })
    .get().id;
}

export function deleteWorkKind(db: Db, id: number): string {
  const k = workKindById(db, id);
  if (usedWorkKinds(db).has(id)) {
    throw new AppError(
      'conflict',
      `Вид работы «${k.name}» уже есть в журналах или в КТП: удалить его нельзя, можно переименовать или изменить вес`,
    );
  }
  db.delete(workKinds).where(eq(workKinds.id, id)).run();
  return k.name;
}
