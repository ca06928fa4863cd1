import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import { encryptedSize, encryptFile, sealingKey } from './age';
import { copyToDestination, type CopyResult } from './destination';
import { describeFsError, nodeFs, type BackupFs } from './fsops';
import { GrowingFile } from './growing-file';
import { checkDatabase, takeSnapshot } from './inspect';
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
  let checked: ReturnType<typeof checkDatabase> | null = null;
  let written: Promise<string> | null = null;
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
    // From here three things overlap: the check (and the snapshot's hash) on a worker thread, the encryption
    // on this one, and the copies to the drives, which follow the encrypted file as it grows. No copy gets its
    // final name before the check passed and the file is complete (the rename waits for the manifest).
    checked = checkDatabase(snapshot, { hash: true, migrationsFolder: options.migrationsFolder });
    void settle(checked);
    const databaseBytes = fs.statSync(snapshot).size;
    let staged: GrowingFile;
    if (encrypted) {
      report({ stage: 'encrypt' });
      const key = await sealing!;
      const file = new GrowingFile(path.join(work, name), encryptedSize(key, databaseBytes));
      staged = file;
      written = encryptFile(snapshot, file.file, key, { onWritten: (n) => file.grew(n) }).then(
        (r) => {
          if (r.bytes !== file.bytes) throw new AppError('internal', `Копия зашифрована с ошибкой: ${r.bytes} байт вместо ${file.bytes}`);
          return r.fileSha256;
        },
        // Told to every drive's copy too, which would otherwise blame its own drive.
        (e: unknown) => {
          throw new AppError('io', `Копия не создана: зашифровать её во временной папке не удалось (${describeFsError(e, work)})`);
        },
      );
    } else {
      staged = GrowingFile.complete(snapshot, databaseBytes);
      written = checked.then((c) => c.sha256!);
    }
    const fileSha256 = written;
    fileSha256.then(
      () => staged.end(),
      (e: Error) => staged.fail(e),
    );
    const described = Promise.all([checked, fileSha256]).then(([{ facts, sha256 }, fileSha]) => {
      const manifest: Manifest = {
        format: 'zhurnal-backup/1',
        file: name,
        createdAt: localTimestamp(at),
        appVersion: options.appVersion,
        ...facts,
        encrypted,
        databaseSha256: sha256!,
        databaseBytes,
        fileSha256: fileSha,
        fileBytes: staged.bytes,
      };
      const text = `${JSON.stringify(manifest, null, 2)}\n`;
      const file = path.join(work, 'manifest.json');
      fs.writeFileSync(file, text);
      return { manifest, staged: { file, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) } };
    });
    const manifestStaged = described.then((d) => d.staged);
    void settle(described);
    void settle(manifestStaged); // a copy that failed early never waits for it

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
    const unique = [...new Set(options.destinations.map((d) => path.resolve(d)))];
    const results = await Promise.all(
      unique.map(async (dir): Promise<DestinationOutcome> => {
        const result: CopyResult = await copyToDestination({
          fs: fsOps,
          dir,
          backup: { name, file: staged, sha256: fileSha256 },
          manifest: manifestStaged,
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
    // The check may still be reading the snapshot, or the encryption writing (after the other failed); Windows
    // cannot delete their files until they are done.
    await Promise.all([settle(checked), settle(written)]);
    // Off the main thread: dropping two files of the database's size from the page cache takes a while.
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
