import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { localTimestamp, type Clock } from '../clock';
import type Database from 'better-sqlite3';
import { readAuditKey, verifyChain } from '../audit/chain';
import { describeChain } from '../audit/chain-check';
import { openDatabase } from '../db/open';
import type { Opener } from './age';
import { removeSafetyCopy, type SafetyCopy } from './safety-copy';
import { verifyBackup, type Verified } from './verify';

export interface RestoreOptions {
  file: string;
  /** What opens an encrypted backup (the paper key, or an old copy's passphrase). */
  identities: Opener[];
  liveFile: string;
  migrationsFolder: string;
  clock: Clock;
  /** Keeps a copy of the live database in before-restore/ (see safety-copy.ts); null where there is none. */
  takeSafetyCopy(): Promise<SafetyCopy | null>;
  /** Closes every connection this process has to the live file. */
  release(): void | Promise<void>;
  /** Opens the live file again, now holding the restored data. */
  reacquire(): void | Promise<void>;
  /**
   * Restore even a copy whose audit log was altered (its chain broken): the school's decision, taken with the
   * paper key in hand and written in the log.
   */
  acceptAlteredLog?: boolean;
}

/** What the restored copy's audit log chain was found to be. */
export type RestoredChain = 'whole' | 'altered-accepted' | 'unchecked';

export interface Restored {
  verified: Verified;
  /** Where the data replaced is kept; null when it was removed (no key to encrypt it to) or there was none. */
  safetyCopy: string | null;
  restoredAt: string;
  chain: RestoredChain;
}

function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

/**
 * Replaces the live database with a backup. In order: verify the backup fully; bring an older backup's schema
 * up to date on a copy beside the live file; keep a safety copy of the current data; close, swap by an atomic
 * rename, reopen. Anything failing before the rename leaves the live database exactly as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Restored> {
  const liveDir = path.dirname(path.resolve(options.liveFile));
  const candidate = path.join(liveDir, `.zhurnal-restore-${randomBytes(6).toString('hex')}.db`);
  try {
    const verified = await verifyBackup(options.file, {
      identities: options.identities,
      keepAs: candidate,
      migrationsFolder: options.migrationsFolder,
    });
    // Migrating forward here, not after the swap: a backup the migrations refuse never replaces anything. The
    // schema check there also refuses a copy whose tables or triggers were changed by hand.
    const restoredDb = openDatabase(candidate, { migrationsFolder: options.migrationsFolder }).$client;
    let chain: RestoredChain;
    try {
      chain = checkChain(restoredDb, options);
    } finally {
      restoredDb.close();
    }
    const safety = await options.takeSafetyCopy();
    await options.release();
    try {
      // Closing the last connection deletes the -wal file; if it is still there, another process holds the database.
      if (fs.existsSync(`${options.liveFile}-wal`)) {
        throw new AppError(
          'conflict',
          'База данных открыта другой программой (запущен Журнал?): закройте её и повторите восстановление',
        );
      }
      removeQuietly(`${options.liveFile}-shm`);
      removeQuietly(`${options.liveFile}-wal`);
      fs.renameSync(candidate, options.liveFile);
      syncDir(liveDir);
    } finally {
      await options.reacquire();
    }
    if (safety?.temporary) removeSafetyCopy(safety);
    return {
      verified,
      safetyCopy: safety && !safety.temporary ? safety.file : null,
      restoredAt: localTimestamp(options.clock.now()),
      chain,
    };
  } finally {
    removeQuietly(candidate);
    removeQuietly(`${candidate}-wal`);
    removeQuietly(`${candidate}-shm`);
  }
}

/**
 * The copy's audit log, checked with this computer's key: a copy edited elsewhere (an entry rewritten, removed,
 * or the log resealed with another key) is refused unless the school accepts it with the paper key. Without a
 * key here (the journal moved to a new computer after a disk failure) there is nothing to check it with.
 */
function checkChain(client: Database.Database, options: RestoreOptions): RestoredChain {
  const report = verifyChain(client, readAuditKey(options.liveFile));
  if (report.keyMissing) return 'unchecked';
  if (!report.brokenAt) return 'whole';
  if (options.acceptAlteredLog) return 'altered-accepted';
  const { summary } = describeChain(report, options.liveFile);
  throw new AppError(
    'conflict',
    `Копия не восстановлена: ${summary.replace(/ Сообщите директору.*$/, '')} Так бывает, если файл копии правили в обход программы или копия сделана на другом компьютере. Восстановить её всё же можно только с бумажным ключом школы, отметив «Восстановить, хотя журнал действий изменён»; это будет записано.`,
    { brokenAt: report.brokenAt },
  );
}

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
