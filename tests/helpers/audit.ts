import type Database from 'better-sqlite3';

/** The newest audit entry's id: a mark to compare what the log gains after it. */
export const lastAuditId = (sql: Database.Database) =>
  (sql.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;

/** The actions the log gained after an id: a refused call adds its «access.refused» and nothing else. */
export const actionsSince = (sql: Database.Database, id: number) =>
  sql.prepare('select action from audit_log where id > ? order by id').pluck().all(id) as string[];

export const refusals = (n: number) => Array.from({ length: n }, () => 'access.refused');
