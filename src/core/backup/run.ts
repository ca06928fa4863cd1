import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import { encryptedSize, sealedBlocks, sealingKey, type SealingKey } from './age';
import { copyToDestination, type CopyResult } from './destination';
import { BlockFanout, type FanoutOptions } from './fanout';
import { describeFsError, nodeFs, readBlocks, type BackupFs } from './fsops';
import { inspectDatabase, takeSnapshot } from './inspect';
import { backupFileName, type Manifest } from './manifest';
import { pruneDestination, type Retention } from './retention';

export type BackupSource =
  /** The app's own open database: the snapshot is read from its file by a second, read-only connection. */
  | { kind: 'connection'; client: Database.Database }
  | { kind: 'file'; file: string }
  /** A snapshot already taken (before a migration, synchronously): copied as it is, then left to the caller. */
  | { kind: 'snapshot'; file: string };

export interface BackupProgress {
  stage: 'snapshot' | 'check' | 'encrypt' | 'copy' | 'done';
  destination?: string;
  written?: number;
  total?: number;
}

export interface BackupOptions {
  source: BackupSource;
  destinations: readonly string[];
  clock: Clock;
  appVersion: string;
  migrationsFolder?: string;
  passphrase?: string | null;
  /** scrypt work factor for tests; age's default otherwise. */
  workFactor?: number;
  /** Where the snapshot is prepared; the system temp folder by default. */
  workDir?: string;
  fs?: BackupFs;
  /** Bytes written to a drive between two syncs and read-backs; 4 MiB by default. */
  syncEvery?: number;
  /** How much of the file may wait in memory for the slowest drive, and how long it may take nothing; for tests. */
  fanout?: FanoutOptions;
  /** Old backups to delete from each destination the new one reached. */
  retention?: Retention;
  onProgress?(progress: BackupProgress): void;
}

export interface DestinationOutcome {
  dir: string;
  ok: boolean;
  file: string | null;
  message: string;
}

export interface BackupOutcome {
  manifest: Manifest;
  results: DestinationOutcome[];
  ok: boolean;
}

/**
 * One backup: a consistent snapshot, checked and hashed (and encrypted), then written to every destination
 * at once. A destination that fails is reported and never stops the others.
 */
export async function createBackup(options: BackupOptions): Promise<BackupOutcome> {
  const fsOps = options.fs ?? nodeFs;
  const work = fs.mkdtempSync(path.join(options.workDir ?? os.tmpdir(), 'zhurnal-backup-'));
  const report = options.onProgress ?? (() => undefined);
  const settle = (p: Promise<unknown> | null) => p?.catch(() => undefined);
  let checked: ReturnType<typeof inspectDatabase> | null = null;
  let produced: ReturnType<typeof produce> | null = null;
  try {
    const at = options.clock.now();
    const encrypted = Boolean(options.passphrase);
    const name = backupFileName(at, encrypted);
    // scrypt's few tenths of a second run while the snapshot is taken, not after it.
    const sealing = encrypted ? sealingKey(options.passphrase!, options.workFactor) : null;
    void settle(sealing); // awaited below; this only keeps an early failure from counting as unhandled
    const snapshot = path.join(work, 'snapshot.db');
    report({ stage: 'snapshot' });
    // Snapshot and check run in worker threads: long synchronous SQLite work never stalls a save.
    if (options.source.kind === 'snapshot') {
      fs.copyFileSync(options.source.file, snapshot);
      await takeSnapshot(snapshot);
    } else {
      const live = options.source.kind === 'connection' ? options.source.client.name : options.source.file;
      if (!fs.existsSync(live)) throw new AppError('not_found', `Файл базы данных не найден: ${live}`);
      await takeSnapshot(snapshot, live);
    }
    report({ stage: 'check' });
    // From here three things overlap: the check on a worker thread, the hashing and encryption on this one,
    // and the copies to the drives, which take each block from memory as it is made. No copy gets its final
    // name before the check passed and the file is complete (the rename waits for the manifest).
    checked = inspectDatabase(snapshot, { migrationsFolder: options.migrationsFolder, subject: 'database' });
    void settle(checked);
    const databaseBytes = fs.statSync(snapshot).size;
    const key = encrypted ? await sealing! : null;
    const fileBytes = key ? encryptedSize(key, databaseBytes) : databaseBytes;
    const unique = [...new Set(options.destinations.map((d) => path.resolve(d)))];
    const fanout = new BlockFanout(options.fanout);
    const readers = unique.map(() => fanout.reader());
    if (key) report({ stage: 'encrypt' });
    produced = produce(fanout, snapshot, key, work);
    void settle(produced);
    const described = Promise.all([checked, produced]).then(([facts, { bytes, databaseSha256, fileSha256 }]) => {
      if (bytes !== fileBytes) throw new AppError('internal', `Копия зашифрована с ошибкой: ${bytes} байт вместо ${fileBytes}`);
      const manifest: Manifest = {
        format: 'zhurnal-backup/1',
        file: name,
        createdAt: localTimestamp(at),
        appVersion: options.appVersion,
        ...facts,
        encrypted,
        databaseSha256,
        databaseBytes,
        fileSha256,
        fileBytes,
      };
      return { manifest, text: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
    });
    const manifestText = described.then((d) => d.text);
    void settle(described);
    void settle(manifestText); // a copy that failed early never waits for it

    async function prune(dir: string): Promise<string> {
      if (!options.retention) return '';
      try {
        const deleted = await pruneDestination(fsOps, dir, options.retention, at);
        return deleted.length > 0 ? `; удалено старых копий: ${deleted.length}` : '';
      } catch (error) {
        // The new copy is safe on the drive; failing to tidy old ones is only worth a mention.
        return `; старые копии удалить не удалось (${describeFsError(error, dir)})`;
      }
    }
    const results = await Promise.all(
      unique.map(async (dir, i): Promise<DestinationOutcome> => {
        const result: CopyResult = await copyToDestination({
          fs: fsOps,
          dir,
          backup: { name, bytes: fileBytes, blocks: readers[i]! },
          manifest: manifestText,
          syncEvery: options.syncEvery,
          onProgress: (written, total) => report({ stage: 'copy', destination: dir, written, total }),
        });
        if (!result.ok) return { dir, ok: false, file: null, message: result.message };
        return { dir, ok: true, file: result.file, message: `Копия записана и проверена${await prune(dir)}` };
      }),
    );
    // A failed check or encryption fails the whole backup, now that every destination has removed what it wrote.
    const { manifest } = await described;
    report({ stage: 'done' });
    return { manifest, results, ok: results.length > 0 && results.every((r) => r.ok) };
  } finally {
    // The check or the encryption may still be reading the snapshot (after the other failed); Windows cannot
    // delete it until they are done.
    await Promise.all([settle(checked), settle(produced)]);
    // Off the main thread: dropping a file of the database's size from the page cache takes a while.
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}

/** Blocks as they pass, into `hash`. */
async function* hashed(blocks: AsyncIterable<Buffer>, hash: Hash): AsyncGenerator<Buffer> {
  for await (const block of blocks) {
    hash.update(block);
    yield block;
  }
}

/** The snapshot's blocks, each in a buffer of its own (the drives hold on to them until they are read back). */
async function* fresh(blocks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const block of blocks) yield Buffer.from(block);
}

/**
 * Reads the snapshot once, hashing it (here rather than on the check's thread, which has quick_check to do),
 * encrypts it when there is a key and hashes that too, and feeds the backup file's blocks to the drives.
 * A failure is told to every drive.
 */
async function produce(fanout: BlockFanout, snapshot: string, key: SealingKey | null, work: string) {
  const database = createHash('sha256');
  const file = key ? createHash('sha256') : database;
  const plain = hashed(readBlocks(snapshot), database);
  let bytes = 0;
  try {
    for await (const block of key ? hashed(sealedBlocks(plain, key), file) : fresh(plain)) {
      bytes += block.length;
      await fanout.push(block);
    }
  } catch (e) {
    // Told to every drive's copy too, which would otherwise blame its own drive.
    const error = new AppError('io', `Копия не создана: прочитать снимок базы во временной папке не удалось (${describeFsError(e, work)})`);
    fanout.fail(error);
    throw error;
  }
  fanout.end();
  const databaseSha256 = database.digest('hex');
  return { bytes, databaseSha256, fileSha256: key ? file.digest('hex') : databaseSha256 };
}
