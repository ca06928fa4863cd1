import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { withComma } from '../../shared/numbers';
import { StalledError, type BlockReader } from './fanout';
import { describeFsError, partialPrefix, type BackupFs, type WriteHandle } from './fsops';
import { manifestPathOf } from './manifest';

/**
 * A piece of the backup file and where in the file it goes. The encrypted payload is written from the start
 * while scrypt still derives the key for the header, which comes last, to its place at the beginning.
 */
export interface PlacedBlock {
  data: Buffer;
  at: number;
  readonly length: number;
}

export const placed = (data: Buffer, at: number): PlacedBlock => ({ data, at, length: data.length });

/** Where a copy takes its bytes from: blocks (null at the end), released once they are verified. */
type Blocks = Pick<BlockReader<PlacedBlock>, 'take' | 'verified'>;

export interface CopyJob {
  fs: BackupFs;
  dir: string;
  /** The backup file (encrypted if asked) as its blocks come, its name on the drive and its size. */
  backup: { name: string; bytes: number; blocks: BlockReader<PlacedBlock> };
  /**
   * The manifest to put beside it. It waits for the snapshot's check, which runs while the backup is being
   * written: a copy gets its final name only once the check passed, and a failed check rejects this.
   */
  manifest: Promise<Buffer>;
  /** Bytes written between two syncs (and read-backs) of the drive. */
  syncEvery?: number;
  onProgress?(written: number, total: number): void;
}

export type CopyResult = { ok: true; file: string } | { ok: false; message: string };

// Room kept free beyond the file itself: the manifest, and the file system's own bookkeeping.
const spareBytes = 1 << 20;

/**
 * Synced and read back every 4 MiB rather than once at the end: a teacher's save syncs the database's
 * journal, and on the same disk that sync waits for whatever else is dirty — a whole 300 MB copy made a save
 * wait a third of a second. Measured on the 300 MB tier (three folders on one disk): 4 and 16 MiB steps take
 * the same time, 64 MiB steps 0.35 s longer. It also keeps the progress honest on a slow stick (what is shown
 * is on it), and the read-back follows the writing instead of coming after it.
 */
export const defaultSyncEvery = 4 << 20;

class MismatchError extends Error {}

/**
 * Writes `from` to an open file, each block at its place, syncing every `syncEvery` bytes and comparing what
 * reads back with what was written. The blocks cover the file's `bytes` once each; the file has no more.
 */
async function writeVerified(
  handle: WriteHandle,
  from: Blocks,
  bytes: number,
  syncEvery: number,
  onWritten: (n: number) => void,
  mismatch: () => Error,
): Promise<number> {
  let unverified: PlacedBlock[] = [];
  let pendingBytes = 0;
  let written = 0;
  let scratch = Buffer.alloc(0);
  const verify = async () => {
    await handle.sync();
    for (const block of unverified) {
      if (scratch.length < block.length) scratch = Buffer.allocUnsafe(block.length);
      const back = scratch.subarray(0, block.length);
      // Compared byte for byte with the block still in memory: no need to hash the same data again.
      if ((await handle.readBack(back, block.at)) !== block.length || !back.equals(block.data)) throw mismatch();
    }
    unverified = [];
    pendingBytes = 0;
    from.verified();
  };
  for (let block = await from.take(); block !== null; block = await from.take()) {
    await handle.write(block.data, block.at);
    unverified.push(block);
    pendingBytes += block.length;
    written += block.length;
    onWritten(block.length);
    if (pendingBytes >= syncEvery) await verify();
  }
  await verify();
  // Nothing beyond what was written: the file is exactly as long as the backup.
  if ((await handle.readBack(Buffer.alloc(1), bytes)) !== 0) throw mismatch();
  return written;
}

/**
 * Writes under a temporary name, synced and read back as it goes, and only then (and once `before`
 * resolved) gives the final name.
 */
async function placeFile(
  job: CopyJob,
  from: Blocks,
  bytes: number,
  finalPath: string,
  track: boolean,
  before?: Promise<unknown>,
) {
  const { fs } = job;
  const temp = path.join(job.dir, `${partialPrefix}${randomBytes(6).toString('hex')}-${path.basename(finalPath)}`);
  let handle: WriteHandle | null = null;
  try {
    handle = await fs.create(temp);
    let written = 0;
    const mismatch = () =>
      new MismatchError(`Копия на носителе ${job.dir} прочитана с ошибкой: данные не совпадают с записанными`);
    const total = await writeVerified(
      handle,
      from,
      bytes,
      job.syncEvery ?? defaultSyncEvery,
      (n) => {
        written += n;
        if (track) job.onProgress?.(written, bytes);
      },
      mismatch,
    );
    if (total !== bytes) throw new AppError('internal', `Копия записана не полностью: ${total} байт вместо ${bytes}`);
    await handle.close();
    handle = null;
    await before;
    await fs.rename(temp, finalPath);
    await fs.syncDir(job.dir);
  } catch (error) {
    // Whatever failed, nothing incomplete may stay behind; the temporary name is never a backup's name.
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A source of one block already in memory (the manifest). */
function oneBlock(block: Buffer): Blocks {
  let taken = false;
  return {
    take: async () => (taken ? null : ((taken = true), placed(block, 0))),
    verified: () => undefined,
  };
}

/**
 * Copies one backup and its manifest to one destination. Never throws: a destination that fails returns its
 * Russian reason, so the other destinations carry on.
 */
export async function copyToDestination(job: CopyJob): Promise<CopyResult> {
  const { fs, dir, backup } = job;
  const finalPath = path.join(dir, backup.name);
  const { bytes } = backup;
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory) return { ok: false, message: `${dir} — не папка` };
    const free = await fs.freeBytes(dir);
    if (free !== null && free < bytes + spareBytes) {
      return {
        ok: false,
        message: `На носителе ${dir} не хватает места: нужно ${megabytes(bytes)}, свободно ${megabytes(free)}`,
      };
    }
    const existing = await fs.stat(finalPath).then(
      () => true,
      () => false,
    );
    if (existing) return { ok: false, message: `В папке ${dir} уже есть копия ${backup.name}` };
    await placeFile(job, backup.blocks, bytes, finalPath, true, job.manifest);
    try {
      const manifest = await job.manifest;
      await placeFile(job, oneBlock(manifest), manifest.length, manifestPathOf(finalPath), false);
    } catch (error) {
      // A backup without its manifest would still restore, but the destination is reported failed: leave nothing.
      await fs.unlink(finalPath).catch(() => undefined);
      throw error;
    }
    return { ok: true, file: finalPath };
  } catch (error) {
    if (error instanceof StalledError)
      return { ok: false, message: `Носитель ${dir} перестал отвечать во время записи: копия на него не записана` };
    if (error instanceof MismatchError || error instanceof AppError) return { ok: false, message: error.message };
    return { ok: false, message: describeFsError(error, dir) };
  } finally {
    // Done or failed, this drive never holds the encryption (or the other drives) back again.
    backup.blocks.close();
  }
}

export function megabytes(bytes: number): string {
  return `${withComma(bytes / 1024 / 1024, 1)} МБ`;
}
