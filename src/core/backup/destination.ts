import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { describeFsError, partialPrefix, type BackupFs, type WriteHandle } from './fsops';
import { manifestPathOf, type Manifest } from './manifest';

export interface CopyJob {
  fs: BackupFs;
  /** The finished backup file (checked, encrypted if asked) in the work folder. */
  staged: string;
  manifest: Manifest;
  dir: string;
  onProgress?(written: number, total: number): void;
}

export type CopyResult = { ok: true; file: string } | { ok: false; message: string };

// Room kept free beyond the file itself: the manifest, and the file system's own bookkeeping.
const spareBytes = 1 << 20;

async function writeAll(fs: BackupFs, from: string, to: string, onChunk: (n: number) => void): Promise<void> {
  let handle: WriteHandle | null = null;
  try {
    handle = await fs.create(to);
    for await (const chunk of fs.read(from)) {
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

/** Writes under a temporary name, syncs, reads back and compares, and only then gives the final name. */
async function placeFile(job: CopyJob, from: string, finalPath: string, expected: { sha256: string; bytes: number }, track: boolean) {
  const { fs } = job;
  const temp = path.join(job.dir, `${partialPrefix}${randomBytes(6).toString('hex')}-${path.basename(finalPath)}`);
  try {
    let written = 0;
    await writeAll(fs, from, temp, (n) => {
      written += n;
      if (track) job.onProgress?.(written, expected.bytes);
    });
    const back = await hashOf(fs, temp);
    if (back.sha256 !== expected.sha256 || back.bytes !== expected.bytes) {
      throw new MismatchError(`Копия на носителе ${job.dir} прочитана с ошибкой: данные не совпадают с записанными`);
    }
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
export async function copyToDestination(job: CopyJob, manifestStaged: string, manifestSha: { sha256: string; bytes: number }): Promise<CopyResult> {
  const { fs, dir, manifest } = job;
  const finalPath = path.join(dir, manifest.file);
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory) return { ok: false, message: `${dir} — не папка` };
    const free = await fs.freeBytes(dir);
    if (free !== null && free < manifest.fileBytes + spareBytes) {
      return { ok: false, message: `На носителе ${dir} не хватает места: нужно ${megabytes(manifest.fileBytes)}, свободно ${megabytes(free)}` };
    }
    const existing = await fs.stat(finalPath).then(
      () => true,
      () => false,
    );
    if (existing) return { ok: false, message: `В папке ${dir} уже есть копия ${manifest.file}` };
    await placeFile(job, job.staged, finalPath, { sha256: manifest.fileSha256, bytes: manifest.fileBytes }, true);
    try {
      await placeFile(job, manifestStaged, manifestPathOf(finalPath), manifestSha, false);
    } catch (error) {
      // A backup without its manifest would still restore, but the destination is reported failed: leave nothing.
      await fs.unlink(finalPath).catch(() => undefined);
      throw error;
    }
    return { ok: true, file: finalPath };
  } catch (error) {
    return { ok: false, message: error instanceof MismatchError ? error.message : describeFsError(error, dir) };
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}
