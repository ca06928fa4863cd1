import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import { encryptedSize, recipientSealingKey } from './age';
import { startComparer } from './compare';
import { copyToDestination, defaultSyncEvery, megabytes, type CopyResult, type PlacedBlock } from './destination';
import { BlockFanout, type FanoutOptions } from './fanout';
import { startDriveThread, type DriveThread } from './drive-thread';
import { describeFsError, nodeFs, type BackupFs } from './fsops';
import { checked, snapshotFailure } from './inspect';
import { backupFileName, type Manifest } from './manifest';
import { pruneDestination, type Retention } from './retention';
import { ringBytes, startSnapshot, type SnapshotStream } from './snapshot-stream';

/** Plaintext bytes per block handed to the drives. */
const blockBytes = 1 << 20;

export type BackupSource =
  /** The app's own open database: the snapshot is read from its file by a second, read-only connection on a worker thread. */
  | { kind: 'connection'; client: Database.Database }
  | { kind: 'file'; file: string }
  /** A snapshot already taken (before a migration, synchronously): backed up like the live file, then left to the caller. */
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
  /**
   * The school's age recipient (`age1…`) the copy is encrypted to; null makes a plain copy, which only an
   * explicit choice asks for (its name says so).
   */
  recipient: string | null;
  /**
   * The file operations on the drives. Not given, each drive's backup file is written by a thread of its own
   * (drive-thread.ts); the fault tests give theirs, which fail the way a drive does.
   */
  fs?: BackupFs;
  /** Bytes written to a drive between two syncs and read-backs; 4 MiB by default. */
  syncEvery?: number;
  /** Waits, at most `maxMs`, for a moment when no call is being answered (see CopyJob.makeWay). */
  makeWay?(maxMs: number): Promise<void>;
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
  const report = options.onProgress ?? (() => undefined);
  const at = options.clock.now();
  const encrypted = options.recipient !== null;
  const name = backupFileName(at, encrypted);
  const file = options.source.kind === 'connection' ? options.source.client.name : options.source.file;
  if (!fs.existsSync(file)) throw new AppError('not_found', `Файл базы данных не найден: ${file}`);
  const fanout = new BlockFanout<PlacedBlock>(options.fanout);
  const syncEvery = options.syncEvery ?? defaultSyncEvery;
  // Enough slots for what the drives may hold (the fanout's limit, or what a drive writes before it syncs
  // and reads back), and a few more for the worker to fill meanwhile.
  const slots = Math.ceil(Math.max(fanout.maxHeld, syncEvery) / blockBytes) + 4;
  refuseWithoutMemory(ringBytes(blockBytes, slots));
  // The recipient's key wraps the file key at once: no secret, and nothing to wait for.
  const sealing = options.recipient === null ? null : recipientSealingKey(options.recipient);
  report({ stage: 'snapshot' });
  const snapshot = startSnapshot(file, {
    blockBytes,
    slots,
    sealing,
    holdWrites: () => holdWrites(options.source, file),
  });
  const comparer = startComparer();
  const drives: DriveThread[] = [];
  try {
    await snapshot.begun.catch((e: unknown) => {
      throw snapshotFailure(e);
    });
    // The snapshot's read transaction is open. Its check runs while the copies are written under temporary
    // names; none gets its final name before the check passed, and damage found removes them all.
    report({ stage: 'check' });
    const facts = checked(snapshot.checked, true, options.migrationsFolder);
    facts.catch((error: unknown) => fanout.fail(error as Error));
    const databaseBytes = await snapshot.taken.catch((e: unknown) => {
      throw snapshotFailure(e);
    });
    if (encrypted) report({ stage: 'encrypt' });
    const fileBytes = sealing ? encryptedSize(sealing.header.length, databaseBytes) : databaseBytes;
    const unique = [...new Set(options.destinations.map((d) => path.resolve(d)))];
    fanout.onRelease = (block) => snapshot.release(block);
    const readers = unique.map(() => fanout.reader());
    const produced = produce(fanout, snapshot);
    const described = Promise.all([produced, facts]).then(([{ bytes, databaseSha256, fileSha256 }, facts]) => {
      if (bytes !== fileBytes)
        throw new AppError('internal', `Копия зашифрована с ошибкой: ${bytes} байт вместо ${fileBytes}`);
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
    // Awaited below; a copy that failed early never waits for them.
    described.catch(() => undefined);
    manifestText.catch(() => undefined);

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
        const drive = options.fs ? null : startDriveThread();
        if (drive) drives.push(drive);
        const result: CopyResult = await copyToDestination({
          fs: drive?.fs ?? fsOps,
          dir,
          backup: { name, bytes: fileBytes, blocks: readers[i]! },
          manifest: manifestText,
          syncEvery,
          makeWay: options.makeWay,
          comparer,
          onProgress: (written, total) => report({ stage: 'copy', destination: dir, written, total }),
        });
        if (!result.ok) return { dir, ok: false, file: null, message: result.message };
        return { dir, ok: true, file: result.file, message: `Копия записана и проверена${await prune(dir)}` };
      }),
    );
    // A failed check or encryption fails the whole backup, now that every destination has removed what it wrote.
    await facts;
    const { manifest } = await described;
    report({ stage: 'done' });
    // The copy is kept (it is the data as it is now); what it holds is said beside each copy written.
    const broken = manifest.auditChain?.brokenAt;
    const told = broken
      ? results.map((r) =>
          r.ok
            ? {
                ...r,
                message: `${r.message}. Внимание: журнал действий изменён вне программы (цепочка нарушена на записи № ${broken})`,
              }
            : r,
        )
      : results;
    return { manifest, results: told, ok: told.length > 0 && told.every((r) => r.ok) };
  } finally {
    await Promise.all([snapshot.stop(), comparer.stop(), ...drives.map((d) => d.stop())]);
  }
}

/**
 * A backup holds its blocks in flight (the snapshot is read a block at a time, whatever the database's size):
 * asked for more than the machine has free, Windows fails the allocation, but
 * Linux may let it through and then kill the app in the middle of a school day. So it is refused beforehand,
 * with what to do.
 */
function refuseWithoutMemory(held: number): void {
  const needed = held + (128 << 20);
  const free = os.freemem();
  if (needed > free) {
    throw new AppError(
      'io',
      `Копия не создана: для неё нужно ${megabytes(needed)} свободной памяти, а свободно ${megabytes(free)}. Закройте другие программы и повторите`,
    );
  }
}

/**
 * The write lock for the moment the snapshot's two transactions start (see snapshot-protocol.ts): on the app's
 * own connection, or on one opened for it; null where it cannot be had (a file this account may only read, a
 * damaged one, a transaction open on the connection).
 */
function holdWrites(source: BackupSource, file: string): (() => void) | null {
  let client: Database.Database | null = null;
  const own = source.kind !== 'connection';
  try {
    client = own ? new Database(file, { fileMustExist: true }) : source.client;
    if (own) client.pragma('busy_timeout = 5000');
    if (client.inTransaction) throw new Error('a transaction is open');
    client.exec('begin immediate');
  } catch {
    if (own) client?.close();
    return null;
  }
  return () => {
    client.exec('rollback');
    if (own) client.close();
  };
}

/** The worker's blocks to every drive; a failure is told to every drive, which would otherwise blame its own. */
async function produce(fanout: BlockFanout<PlacedBlock>, snapshot: SnapshotStream) {
  try {
    for await (const block of snapshot.blocks()) await fanout.push(block);
  } catch (e) {
    const error = new AppError('io', `Копия не создана: ${(e as Error).message}`);
    fanout.fail(error);
    throw error;
  }
  fanout.end();
  return snapshot.ended;
}
