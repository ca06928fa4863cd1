import { and, eq } from 'drizzle-orm';
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
  attendance: 'class',
  periodLocks: 'session',
  school: 'session',
  everything: 'session',
  users: 'users.manage',
  backup: 'backup.manage',
  network: 'school.manage',
  retention: 'print.journal',
};

/** Answers already looked up for one stream's actor, by `journal:ID` or `class:ID`; dropped when they may change. */
export type ReadableCache = Map<string, boolean>;

function cached(cache: ReadableCache, key: string, look: () => boolean): boolean {
  let known = cache.get(key);
  if (known === undefined) {
    known = look();
    cache.set(key, known);
  }
  return known;
}

export function mayReceive(db: Db, today: string, actor: Actor, event: ChangeEvent, cache: ReadableCache): boolean {
  const who = audience[event.domain];
  if (who !== 'journal' && who !== 'class') return mayAccess(who, actor.roles);
  if (mayAccess('journal.read_all', actor.roles)) return true;
  if (!('classId' in event)) return false;
  if (who === 'journal' && 'assignmentId' in event) {
    return cached(cache, `journal:${event.assignmentId}`, () => {
      const found = db
        .select({ id: assignments.id })
        .from(assignments)
        .where(and(eq(assignments.id, event.assignmentId), readableBy(actor, today)))
        .get();
      return found !== undefined;
    });
  }
  return cached(cache, `class:${event.classId}`, () => {
    const teacher = db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, event.classId), eq(classes.classTeacherId, actor.userId)))
      .get();
    if (teacher) return true;
    const journal = db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.classId, event.classId), readableBy(actor, today)))
      .get();
    return journal !== undefined;
  });
}

/** Changes after which what an actor may read can differ (a substitute named, a class given a new teacher). */
export const reshapes = (event: ChangeEvent) =>
  event.domain === 'lessons' || event.domain === 'school' || event.domain === 'everything';
