import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Clock } from '../clock';
import { localTimestamp } from '../clock';
import { encryptFile } from './age';
import { copyToDestination, type CopyResult } from './destination';
import { describeFsError, nodeFs, type BackupFs } from './fsops';
import { sha256File } from './hash';
import { inspectDatabase, takeSnapshot, type DatabaseFacts } from './inspect';
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
  let checked: Promise<DatabaseFacts> | null = null;
  try {
    const at = options.clock.now();
    const encrypted = Boolean(options.passphrase);
    const name = backupFileName(at, encrypted);
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
    // The check runs on the other core while the snapshot is encrypted and written out; no copy gets its final
    // name before it passed (the manifest waits for it, and the rename waits for the manifest).
    checked = inspectDatabase(snapshot, { migrationsFolder: options.migrationsFolder });
    checked.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
    const databaseBytes = fs.statSync(snapshot).size;
    let staged = snapshot;
    let databaseSha256: string;
    let fileSha256: string;
    if (encrypted) {
      report({ stage: 'encrypt' });
      staged = path.join(work, name);
      ({ plainSha256: databaseSha256, fileSha256 } = await encryptFile(snapshot, staged, options.passphrase!, { workFactor: options.workFactor }));
    } else {
      databaseSha256 = fileSha256 = await sha256File(snapshot);
    }
    const backup = { file: staged, name, sha256: fileSha256, bytes: fs.statSync(staged).size };
    const described = checked.then((facts) => {
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
        fileBytes: backup.bytes,
      };
      const text = `${JSON.stringify(manifest, null, 2)}\n`;
      const file = path.join(work, 'manifest.json');
      fs.writeFileSync(file, text);
      return { manifest, staged: { file, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) } };
    });
    described.catch(() => undefined);

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
          backup,
          manifest: described.then((d) => d.staged),
          onProgress: (written, total) => report({ stage: 'copy', destination: dir, written, total }),
        });
        if (!result.ok) return { dir, ok: false, file: null, message: result.message };
        return { dir, ok: true, file: result.file, message: `Копия записана и проверена${await prune(dir)}` };
      }),
    );
    // A failed check fails the whole backup, now that every destination has removed what it had written.
    const { manifest } = await described;
    report({ stage: 'done' });
    return { manifest, results, ok: results.length > 0 && results.every((r) => r.ok) };
  } finally {
    // The check may still be reading the snapshot (after a failed encryption); Windows cannot delete it until then.
    await checked?.catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
