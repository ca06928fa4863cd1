import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * The audit log's chain: every entry carries HMAC-SHA-256(key, previous entry's mac ‖ this entry's fields). The
 * key lives in a file beside the database, never in it, so whoever edits a copy of the file (drops the
 * append-only triggers, rewrites an entry, removes one) cannot make the chain whole again without the school's
 * computer.
 */

/** The fields an entry is sealed over, in this order; `id` is left out (the previous mac already fixes the order). */
export const chainedColumns = [
  'at',
  'user_id',
  'action',
  'entity',
  'entity_id',
  'old_value',
  'new_value',
  'reason',
  'class_id',
  'student_id',
  'subject_id',
] as const;

export type ChainedValue = string | number | bigint | null;

/** One file per folder: a restore's candidate and the worker threads' connections open files in the same folder. */
export const auditKeyFile = (dbFile: string) => path.join(path.dirname(path.resolve(dbFile)), 'zhurnal-audit.key');

export function readAuditKey(dbFile: string): Buffer | null {
  try {
    const text = fs.readFileSync(auditKeyFile(dbFile), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Made at the first entry written (not at every open), readable by the app's account only. */
export function auditKeyFor(dbFile: string): Buffer {
  const existing = readAuditKey(dbFile);
  if (existing) return existing;
  const file = auditKeyFile(dbFile);
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another connection (a worker thread, the CLI) made it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readAuditKey(dbFile) ?? key;
    throw e;
  }
  return key;
}

const separator = Buffer.from([0x1f]);

export function macOf(key: Buffer, previous: string | null, fields: readonly ChainedValue[]): string {
  const hmac = createHmac('sha256', key);
  hmac.update(previous ?? '');
  for (const value of fields) {
    hmac.update(separator);
    // Null and the empty string must differ, as must 1 and '1' never arise (each column has one type).
    hmac.update(value === null ? '\u0000' : String(value));
  }
  return hmac.digest('hex');
}

/** The SQL function the audit service's insert calls, so that reading the last mac and appending are one statement. */
export const chainFunction = 'zhurnal_audit_mac';

/**
 * Registers the chain's SQL function on a connection. The key is read (or made) at the first entry, so opening a
 * database only to read it leaves no key file behind.
 */
export function registerChain(client: Database.Database, dbFile: string): void {
  let key: Buffer | null = null;
  client.function(chainFunction, { varargs: true, deterministic: false }, (previous, ...fields) => {
    key ??= auditKeyFor(dbFile);
    return macOf(key, previous as string | null, fields as ChainedValue[]);
  });
}

export interface ChainReport {
  /** Entries in the log. */
  entries: number;
  /** Entries written before the chain began (no mac, all before the first sealed one). */
  unsealed: number;
  /** The first entry that does not match, when the chain is broken. */
  brokenAt: { id: number; at: string; reason: 'changed' | 'unsealed' } | null;
  /** No key beside the database: the chain cannot be checked here. */
  keyMissing: boolean;
}

/**
 * Walks the log once in id order, in constant memory whatever its size: all of it, or its `latest` entries
 * (each still checked against the mac stored before them, so an entry changed, removed or inserted among them
 * is found just the same).
 */
export function verifyChain(client: Database.Database, key: Buffer | null, latest?: number): ChainReport {
  const last = (client.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
  const fromId = latest === undefined ? 0 : last - latest + 1;
  const before = client.prepare('select mac from audit_log where id < ? order by id desc limit 1').get(fromId) as
    { mac: string | null } | undefined;
  const rows = client
    .prepare(`select id, mac, ${chainedColumns.join(', ')} from audit_log where id >= ? order by id`)
    .raw()
    .iterate(fromId) as IterableIterator<[number, string | null, ...ChainedValue[]]>;
  let entries = 0;
  let unsealed = 0;
  let previous: string | null = before?.mac ?? null;
  let started = previous !== null;
  let brokenAt: ChainReport['brokenAt'] = null;
  for (const [id, mac, ...fields] of rows) {
    entries++;
    if (brokenAt || !key) continue;
    if (mac === null) {
      if (started) brokenAt = { id, at: String(fields[0]), reason: 'unsealed' };
      else unsealed++;
      continue;
    }
    started = true;
    if (macOf(key, previous, fields) !== mac) brokenAt = { id, at: String(fields[0]), reason: 'changed' };
    previous = mac;
  }
  return { entries, unsealed, brokenAt, keyMissing: !key };
}
