import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { shortName } from '../../shared/names';
import type { SaveConflict } from '../../shared/contract/saves';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { appliedSaves, auditLog, users } from '../db/schema';
import { writeTransaction } from '../db/write';

/**
 * The saves a teacher makes one after another as fast as they type, on every computer at once: committed in
 * groups (core/db/commit-groups.ts), one disk flush for the saves that arrived together. Their handlers are
 * synchronous, as a group's transaction needs.
 */
export const groupedSaves: ReadonlySet<string> = new Set([
  'journal:setMark',
  'journal:clearMark',
  'journal:setAbsence',
]);

/** What one save came to: its value, or the conflict it was refused with (kept, so a replay answers the same). */
export type Outcome<T> = { value: T } | { conflict: SaveConflict; message: string };

export interface SaveOp {
  actor: Actor;
  channel: string;
  /** The client's id of the save; absent for callers that never send a save twice (the CLI, imports). */
  saveId?: string;
}

function settle<T>(outcome: Outcome<T>): T {
  if ('conflict' in outcome) throw new AppError('conflict', outcome.message, outcome.conflict);
  return outcome.value;
}

// Every save from a screen carries its id and is looked up here first.
const appliedSave = preparedPerDb((db) =>
  db
    .select({ outcome: appliedSaves.outcome })
    .from(appliedSaves)
    .where(and(eq(appliedSaves.saveId, sql.placeholder('saveId')), eq(appliedSaves.userId, sql.placeholder('userId'))))
    .prepare(),
);

function prior(db: Db, op: SaveOp): Outcome<unknown> | undefined {
  if (!op.saveId) return undefined;
  const row = appliedSave(db).get({ saveId: op.saveId, userId: op.actor.userId });
  return row ? (JSON.parse(row.outcome) as Outcome<unknown>) : undefined;
}

/** A save sent again whose first application is on record: its answer again, nothing checked or written. */
export const replayOf = (db: Db, op: SaveOp): { value: unknown } | undefined => {
  const outcome = prior(db, op);
  return outcome ? { value: settle(outcome) } : undefined;
};

/**
 * Runs one save as a write transaction in which `body` compares what the client last saw with what the
 * database holds and writes (or records the refused attempt in the audit log) — the refusal is committed
 * with its audit entry and only then thrown. With a save id, the outcome is kept under it in the same
 * transaction, so a second arrival of the same id is answered from there, never written again.
 */
export function saveOnce<T>(db: Db, clock: Clock, op: SaveOp, body: () => Outcome<T>): T {
  const outcome = writeTransaction(db, (): Outcome<T> => {
    const seen = prior(db, op);
    if (seen) return seen as Outcome<T>;
    const result = body();
    if (op.saveId)
      db.insert(appliedSaves)
        .values({
          saveId: op.saveId,
          userId: op.actor.userId,
          channel: op.channel,
          at: localTimestamp(clock.now()),
          outcome: JSON.stringify(result),
        })
        .run();
    return result;
  });
  return settle(outcome);
}

/**
 * How long a save's id is remembered. A client's queue sends a save again only while the save waits on that
 * computer — an outage, a computer switched off over the holidays; a month is more than any of them.
 */
export const savesKeptDays = 30;

/** Forgets the ids of saves older than a client can still send again; returns how many were forgotten. */
export function pruneAppliedSaves(db: Db, clock: Clock, keepDays = savesKeptDays): number {
  const cutoff = localTimestamp(new Date(clock.now().getTime() - keepDays * 86_400_000));
  return writeTransaction(db, () => db.delete(appliedSaves).where(lt(appliedSaves.at, cutoff)).run().changes);
}

/** Who last changed an entity, from the audit log: the other person a conflict names. */
export function lastChange(db: Db, entity: string, entityId: string, actions: string[]) {
  const row = db
    .select({ at: auditLog.at, user: users })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), inArray(auditLog.action, actions)))
    .orderBy(desc(auditLog.id))
    .get();
  return { by: row?.user ? shortName(row.user) : null, at: row?.at ?? null };
}

export interface ConflictAttempt {
  actor: Actor;
  /** 'mark', 'absence', 'lesson', 'period_mark': the attempt is logged as `<prefix>.conflict`. */
  prefix: string;
  entity: string;
  entityId: string;
  /** The actions whose latest entry names who saved the current value. */
  actions: string[];
  current: unknown;
  attempted: unknown;
  reason?: string;
  context?: Parameters<AuditService['record']>[0]['context'];
}

/**
 * The refused side of a conflict, inside the save's transaction: the attempt goes to the audit log beside the
 * save it collided with, and the outcome names the value saved meanwhile and its author.
 */
export function refuseAsConflict(db: Db, audit: AuditService, a: ConflictAttempt): Outcome<never> {
  const { by, at } = lastChange(db, a.entity, a.entityId, a.actions);
  audit.record({
    userId: a.actor.userId,
    action: `${a.prefix}.conflict`,
    entity: a.entity,
    entityId: a.entityId,
    oldValue: a.current,
    newValue: a.attempted,
    reason: a.reason,
    context: a.context,
  });
  return {
    conflict: { current: a.current, by, at },
    message: `${by ?? 'Другой пользователь'} уже изменил(а) это значение, пока вы его вводили: выберите, какое оставить`,
  };
}
