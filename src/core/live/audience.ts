import { eq } from 'drizzle-orm';
import { mayAccess, type Access } from '../../shared/roles';
import type { ChangeDomain, ChangeEvent } from '../../shared/live';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { assignments, classes } from '../db/schema';
import { readableBy } from '../journal/assignments';

/**
 * Who hears of a change: those who may read one journal (its teacher, a substitute, the class teacher, the
 * school's readers), one class (anyone who reads one of its journals, its class teacher), or a permission's
 * holders — the same rules the reading channels apply, so a stream tells nobody of a class they cannot open.
 */
const audience: Record<ChangeDomain, 'journal' | 'class' | Access> = {
  marks: 'journal',
  absences: 'journal',
  lessons: 'journal',
  periodMarks: 'journal',
  plans: 'journal',
  remarks: 'journal',
  checks: 'journals.inspect',
  attendance: 'class',
  periodLocks: 'session',
  school: 'session',
  everything: 'session',
  users: 'users.manage',
  backup: 'backup.manage',
  network: 'school.manage',
  retention: 'print.journal',
};

/**
 * The journals and classes one stream's actor may read, looked up together once and then held: a change is
 * checked against these sets, not by a query per stream and change — sixty screens open and a save a second
 * came to thousands of queries a second on the thread that answers calls. Dropped (null) when they may change.
 */
export interface Readable {
  /** The school's date they were looked up on: a substitute reads a journal until their last lesson in it. */
  day: string;
  journals: ReadonlySet<number>;
  classes: ReadonlySet<number>;
}
export type ReadableCache = { current: Readable | null };

function readableOf(db: Db, today: string, actor: Actor): Readable {
  const journals = db
    .select({ id: assignments.id, classId: assignments.classId })
    .from(assignments)
    .where(readableBy(actor, today))
    .all();
  const taught = db.select({ id: classes.id }).from(classes).where(eq(classes.classTeacherId, actor.userId)).all();
  return {
    day: today,
    journals: new Set(journals.map((j) => j.id)),
    classes: new Set([...journals.map((j) => j.classId), ...taught.map((c) => c.id)]),
  };
}

export function mayReceive(db: Db, today: string, actor: Actor, event: ChangeEvent, cache: ReadableCache): boolean {
  const who = audience[event.domain];
  if (who !== 'journal' && who !== 'class') return mayAccess(who, actor.roles);
  if (mayAccess('journal.read_all', actor.roles)) return true;
  if (!('classId' in event)) return false;
  if (cache.current?.day !== today) cache.current = readableOf(db, today, actor);
  const readable = cache.current;
  if (who === 'journal' && 'assignmentId' in event) return readable.journals.has(event.assignmentId);
  // A class: its class teacher, and anyone who reads one of its journals.
  return readable.classes.has(event.classId);
}

/** Changes after which what an actor may read can differ (a substitute named, a class given a new teacher). */
export const reshapes = (event: ChangeEvent) =>
  event.domain === 'lessons' || event.domain === 'school' || event.domain === 'everything';
