import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { describeFsError, partialPrefix, type BackupFs, type WriteHandle } from './fsops';
import type { GrowingFile } from './growing-file';
import { manifestPathOf } from './manifest';

/** A file in the work folder, with what its copy must read back as. */
export interface StagedFile {
  file: string;
  sha256: string;
  bytes: number;
}

/** What a copy writes: its bytes as they come, its size, and (once known) its SHA-256. */
interface Source {
  chunks(): AsyncIterable<Uint8Array>;
  bytes: number;
  sha256: Promise<string>;
}

export interface CopyJob {
  fs: BackupFs;
  dir: string;
  /**
   * The backup file (encrypted if asked) as it is written in the work folder, its name on the drive, and its
   * SHA-256, known once it is complete.
   */
  backup: { name: string; file: GrowingFile; sha256: Promise<string> };
  /**
   * The manifest to put beside it. It waits for the snapshot's check, which runs while the backup is being
   * written: a copy gets its final name only once the check passed, and a failed check rejects this.
   */
  manifest: Promise<StagedFile>;
  onProgress?(written: number, total: number): void;
}

export type CopyResult = { ok: true; file: string } | { ok: false; message: string };

// Room kept free beyond the file itself: the manifest, and the file system's own bookkeeping.
const spareBytes = 1 << 20;

async function writeAll(fs: BackupFs, from: Source, to: string, onChunk: (n: number) => void): Promise<void> {
  let handle: WriteHandle | null = null;
  try {
    handle = await fs.create(to);
    for await (const chunk of from.chunks()) {
      await handle.write(chunk);
      onChunk(chunk.byteLength);
    }
    await handle.sync();
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function hashOf(fs: BackupFs, file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.read(file)) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Writes under a temporary name, syncs, reads back and compares, and only then (and once `before` resolved)
 * gives the final name.
 */
async function placeFile(job: CopyJob, from: Source, finalPath: string, track: boolean, before?: Promise<unknown>) {
  const { fs } = job;
  const temp = path.join(job.dir, `${partialPrefix}${randomBytes(6).toString('hex')}-${path.basename(finalPath)}`);
  try {
    let written = 0;
    await writeAll(fs, from, temp, (n) => {
      written += n;
      if (track) job.onProgress?.(written, from.bytes);
    });
    const back = await hashOf(fs, temp);
    if (back.sha256 !== (await from.sha256) || back.bytes !== from.bytes) {
      throw new MismatchError(`Копия на носителе ${job.dir} прочитана с ошибкой: данные не совпадают с записанными`);
    }
    await before;
    await fs.rename(temp, finalPath);
    await fs.syncDir(job.dir);
  } catch (error) {
    // Whatever failed, nothing incomplete may stay behind; the temporary name is never a backup's name.
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

class MismatchError extends Error {}

/**
 * Copies one finished backup and its manifest to one destination. Never throws: a destination that fails
 * returns its Russian reason, so the other destinations carry on.
 */
export async function copyToDestination(job: CopyJob): Promise<CopyResult> {
  const { fs, dir, backup } = job;
  const finalPath = path.join(dir, backup.name);
  const bytes = backup.file.bytes;
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory) return { ok: false, message: `${dir} — не папка` };
    const free = await fs.freeBytes(dir);
    if (free !== null && free < bytes + spareBytes) {
      return { ok: false, message: `На носителе ${dir} не хватает места: нужно ${megabytes(bytes)}, свободно ${megabytes(free)}` };
    }
    const existing = await fs.stat(finalPath).then(
      () => true,
      () => false,
    );
    if (existing) return { ok: false, message: `В папке ${dir} уже есть копия ${backup.name}` };
    await placeFile(job, { chunks: () => backup.file.chunks(), bytes, sha256: backup.sha256 }, finalPath, true, job.manifest);
    try {
      const manifest = await job.manifest;
      await placeFile(job, { chunks: () => fs.read(manifest.file), bytes: manifest.bytes, sha256: Promise.resolve(manifest.sha256) }, manifestPathOf(finalPath), false);
    } catch (error) {
      // A backup without its manifest would still restore, but the destination is reported failed: leave nothing.
      await fs.unlink(finalPath).catch(() => undefined);
      throw error;
    }
    return { ok: true, file: finalPath };
  } catch (error) {
    if (error instanceof MismatchError || error instanceof AppError) return { ok: false, message: error.message };
    return { ok: false, message: describeFsError(error, dir) };
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}
