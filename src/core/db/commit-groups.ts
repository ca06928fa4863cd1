import { AsyncResource } from 'node:async_hooks';
import type { Db } from './open';

interface Waiting {
  run(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { value: unknown } | { error: unknown };

export interface CommitGroups {
  /**
   * Runs `fn` (synchronous, writing through writeTransaction as any save does) in the next group: resolves once
   * the group's transaction is committed, so an answer never claims a write that a power cut could still undo.
   */
  run<T>(fn: () => T): Promise<T>;
  /** Transactions committed so far: fewer than the calls run when calls arrived together. */
  readonly commits: number;
}

/**
 * Group commit for the saves of many screens at once. A commit waits for the disk (synchronous = FULL, so a
 * saved mark survives a power cut), and that wait holds the thread that answers every call: sixty computers
 * saving at once queued one disk flush behind another. The calls that arrive in one turn of the event loop are
 * run together in one transaction, each exactly as it would run alone (its own writes in a savepoint of
 * writeTransaction, its error its own), and committed with one flush; then each caller gets its answer. When the
 * server is quiet a group is one call, committed as soon as the turn ends.
 */
export function createCommitGroups(db: Db): CommitGroups {
  let waiting: Waiting[] = [];
  let commits = 0;

  function flush() {
    const group = waiting;
    waiting = [];
    const outcomes: Outcome[] = [];
    try {
      const client = db.$client;
      client
        .transaction(() => {
          for (const call of group) {
            try {
              // No savepoint of the group's own around it: a save undoes its own writes when it fails, and a
              // refused one throws only after its audit entry was written, which must stay (core/journal/saves.ts).
              outcomes.push({ value: call.run() });
            } catch (error) {
              // SQLite ended the whole transaction by itself (a full disk, an I/O error): the group fails as one.
              if (!client.inTransaction) throw error;
              outcomes.push({ error });
            }
          }
        })
        .immediate();
      commits++;
    } catch (error) {
      // Nothing of the group was committed (a full disk, the file taken away): every call fails with it.
      for (const call of group) call.reject(error);
      return;
    }
    group.forEach((call, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) call.reject(outcome.error);
      else call.resolve(outcome.value);
    });
  }

  return {
    run<T>(fn: () => T): Promise<T> {
      // In the caller's async context: the audit log names the computer each call came from, not the first one's.
      const bound = AsyncResource.bind(() => {
        const value = fn();
        if (value instanceof Promise) throw new Error('A grouped call must finish inside its transaction');
        return value;
      });
      return new Promise<T>((resolve, reject) => {
        if (waiting.length === 0) setImmediate(flush);
        waiting.push({ run: bound, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    get commits() {
      return commits;
    },
  };
}
