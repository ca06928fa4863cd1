import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { refuseReadOnly, storageFailure } from './failures';

/** Who holds a journal: shown to the second program that tries to open it. */
export interface JournalOwner {
  host: string;
  program: string;
  pid: number;
  /** ISO time the lock was taken. */
  since: string;
  /** Where browsers reach it, once a server has started listening. */
  address?: string;
}

export interface JournalLock {
  readonly owner: JournalOwner;
  /** Adds the server's address to what a refused program is told. */
  announce(address: string): void;
  release(): void;
}

export const lockFileOf = (dbFile: string) => `${dbFile}.lock`;
export const ownerFileOf = (dbFile: string) => `${dbFile}.owner.json`;

function writeOwner(dbFile: string, owner: JournalOwner): void {
  const file = ownerFileOf(dbFile);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(owner)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

function readOwner(dbFile: string): JournalOwner | null {
  try {
    return JSON.parse(fs.readFileSync(ownerFileOf(dbFile), 'utf8')) as JournalOwner;
  } catch {
    return null;
  }
}

const two = (n: number) => String(n).padStart(2, '0');
function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** «Журнал уже открыт: компьютер …, программа …, с …», and where to connect instead when it is a server. */
export function busyMessage(dbFile: string, owner: JournalOwner | null): string {
  const who = owner
    ? `Журнал уже открыт: компьютер ${owner.host}, программа «${owner.program}» (процесс ${owner.pid}), с ${localTime(owner.since)}.`
    : 'Журнал уже открыт другой программой (кем — не записано).';
  const instead = owner?.address
    ? ` Подключитесь к ней: ${owner.address}`
    : ' Работайте в ней или закройте её и повторите.';
  return `${who}${instead} Две программы не могут вести один файл ${dbFile}: изменения одной мешали бы другой.`;
}

/**
 * Makes this process the only one that writes the journal. The lock is SQLite's own on a small file beside the
 * database (fcntl on Unix, LockFileEx on Windows), held by a transaction that never ends: the OS drops it when
 * the process dies, however it dies, so there is nothing stale to clean up. The holder's name is kept in a
 * JSON file beside it, since nobody else can read a file under an exclusive lock. The lock file itself is
 * never deleted: a process that had opened it would hold a lock on a file nobody else sees.
 */
export function claimJournal(dbFile: string, program: string): JournalLock {
  refuseReadOnly(dbFile);
  let client: Database.Database | null = null;
  try {
    client = new Database(lockFileOf(dbFile));
    client.pragma('busy_timeout = 0');
    // No journal file beside the lock: the transaction writes nothing.
    client.pragma('journal_mode = MEMORY');
    client.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    client?.close();
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY')) {
      const owner = readOwner(dbFile);
      throw new AppError('conflict', busyMessage(dbFile, owner), { owner, refusal: 'busy' });
    }
    const named = storageFailure(e, dbFile, 'start');
    throw new AppError('io', named ? named.message : `Не удалось занять журнал ${dbFile}: ${(e as Error).message}`);
  }
  const held = client;
  const owner: JournalOwner = { host: os.hostname(), program, pid: process.pid, since: new Date().toISOString() };
  const release = () => {
    if (!held.open) return;
    fs.rmSync(ownerFileOf(dbFile), { force: true });
    held.exec('ROLLBACK');
    held.close();
  };
  try {
    writeOwner(dbFile, owner);
  } catch (e) {
    release();
    throw storageFailure(e, dbFile, 'start') ?? e;
  }
  return {
    owner,
    announce(address) {
      owner.address = address;
      writeOwner(dbFile, owner);
    },
    release,
  };
}
