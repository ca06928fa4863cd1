import type { Db } from './open';

/**
 * Runs `fn` as one write transaction that starts IMMEDIATE: SQLite takes the write lock at BEGIN, where the
 * busy timeout applies. A deferred transaction that reads first and writes later asks for the lock only at its
 * first write, and there SQLite fails at once with SQLITE_BUSY when another connection holds it (no busy
 * handler is called for that upgrade). Nested calls become savepoints of the outer transaction.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
