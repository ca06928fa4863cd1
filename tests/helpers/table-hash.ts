import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** One SHA-256 per table over every row in a stable order: "the data is unchanged" made checkable. */
export function tableHashes(client: Database.Database, except: readonly string[] = []): Record<string, string> {
  const tables = client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    // Rows sorted by their text: independent of the order SQLite happens to return them in.
    const rows = (client.prepare(`select * from "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    out[name] = createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return out;
}

export function integrity(client: Database.Database): { integrity: string; foreignKeyViolations: number } {
  const check = client.prepare('pragma integrity_check').pluck().all() as string[];
  return { integrity: check.join('; '), foreignKeyViolations: client.prepare('pragma foreign_key_check').all().length };
}
