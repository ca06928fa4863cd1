import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { withComma } from '../../shared/numbers';
import { inlineComparer, type Comparer } from './compare';
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
type Blocks = Pick<BlockReader<PlacedBlock>, 'take' | 'verified' | 'close'>;

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
  /** Compares the read-back with what was written (compare.ts); on this thread if not given. */
  comparer?: Comparer;
  /**
   * Waits, at most `maxMs`, until no call is being answered on this thread. Each write, sync and read-back asks
   * first: they run beside the thread that answers, on the same cores and usually the same disk, and a teacher's
   * save that came while three drives were being written waited up to twice as long.
   */
  makeWay?(maxMs: number): Promise<void>;
  onProgress?(written: number, total: number): void;
}

export type CopyResult = { ok: true; file: string } | { ok: false; message: string };

// Room kept free beyond the file itself: the manifest, and the file system's own bookkeeping.
const spareBytes = 1 << 20;

/**
 * Synced and read back every 4 MiB rather than once at the end: a teacher's save syncs the database's
 * journal, and on the same disk that sync waits for whatever else is dirty — a whole 300 MB copy made a save
 * wait a third of a second. Measured on the 300 MB tier (three folders on one disk, a teacher saving meanwhile,
 * each group synced while the next is written): 16 MiB steps take no less time than 4 MiB ones, and make the
 * saves wait longer (p99 88 ms against 61). It also keeps the progress honest on a slow stick (what is shown
 * is on it), and the read-back follows the writing instead of coming after it.
 */
export const defaultSyncEvery = 4 << 20;

class MismatchError extends Error {}

/** The blocks cut where one does not start where the one before ended: each run is one write and one read. */
function runs(blocks: readonly PlacedBlock[]): PlacedBlock[][] {
  const out: PlacedBlock[][] = [];
  for (const block of blocks) {
    const run = out.at(-1);
    const last = run?.at(-1);
    if (run && last && last.at + last.length === block.at) run.push(block);
    else out.push([block]);
  }
  return out;
}

/**
 * How long one step of a copy waits for a quiet moment: a backup that never found one (a server answering
 * without pause) still goes on, one step per this long at worst.
 */
const makeWayAtMostMs = 50;

const lengthOf = (blocks: readonly PlacedBlock[]) => blocks.reduce((n, b) => n + b.length, 0);

/**
 * Writes `from` to an open file, each block at its place, a group of `syncEvery` bytes at a time (one write
 * per run of adjacent blocks), and checks each group: synced, then read back and compared byte for byte with
 * the blocks still in memory. A group is checked while the next one is written (one check at a time): the
 * drive's sync, a journal commit and a cache flush, would otherwise leave the copy idle, and so would a
 * teacher's save holding the main thread. The blocks cover the file's `bytes` once each; the file has no more.
 */
async function writeVerified(
  handle: WriteHandle,
  from: Blocks,
  bytes: number,
  syncEvery: number,
  onWritten: (n: number) => void,
  mismatch: () => Error,
  makeWay: () => Promise<void>,
  comparer: Comparer,
): Promise<number> {
  let scratch: Buffer = Buffer.alloc(0);
  const check = async (group: PlacedBlock[], count: number) => {
    await makeWay();
    await handle.sync();
    await makeWay();
    for (const run of runs(group)) {
      const length = lengthOf(run);
      if (scratch.length < length) scratch = comparer.scratch(length);
      const back = scratch.subarray(0, length);
      if ((await handle.readBack(back, run[0]!.at)) !== length) throw mismatch();
      // Compared byte for byte with the blocks still in memory (no need to hash the same data again), each
      // before the next group is read back into the same buffer.
      let offset = 0;
      const equal = await Promise.all(
        run.map((block) => comparer.equal(back.subarray(offset, (offset += block.length)), block.data)),
      );
      if (!equal.every(Boolean)) throw mismatch();
    }
    from.verified(count);
  };
  const checked: { running: Promise<void>; failure: { error: unknown } | null } = {
    running: Promise.resolve(),
    failure: null,
  };
  let taken = 0;
  let written = 0;
  const writeAndCheck = async (group: PlacedBlock[]) => {
    await makeWay();
    for (const run of runs(group))
      await handle.write(
        run.map((b) => b.data),
        run[0]!.at,
      );
    const length = lengthOf(group);
    written += length;
    onWritten(length);
    await checked.running;
    if (checked.failure) throw checked.failure.error;
    checked.running = check(group, taken).catch((error: unknown) => {
      checked.failure = { error };
      // The writer may be waiting for a block the producer holds back until this drive verifies: wake it.
      from.close();
    });
  };
  try {
    let group: PlacedBlock[] = [];
    let groupBytes = 0;
    for (let block = await from.take(); block !== null; block = await from.take()) {
      taken++;
      group.push(block);
      groupBytes += block.length;
      if (groupBytes >= syncEvery) {
        await writeAndCheck(group);
        group = [];
        groupBytes = 0;
      }
    }
    await writeAndCheck(group);
    await checked.running;
  } catch (error) {
    // Nothing of the file is touched once this returns; a failed check is the reason, not the reader it closed.
    await checked.running;
    throw checked.failure ? checked.failure.error : error;
  }
  if (checked.failure) throw checked.failure.error;
  // Nothing beyond what was written: the file is exactly as long as the backup.
  if ((await handle.readBack(Buffer.alloc(1), bytes)) !== 0) throw mismatch();
  return written;
}

/**
 * Writes a file under a temporary name, synced and read back as it goes, and closes it; its temporary path.
 * Whatever fails, nothing of it stays behind.
 */
async function writeTemp(
  job: CopyJob,
  from: Blocks,
  bytes: number,
  name: string,
  track: boolean,
  onAllWritten?: () => void,
): Promise<string> {
  const { fs } = job;
  const temp = path.join(job.dir, `${partialPrefix}${randomBytes(6).toString('hex')}-${name}`);
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
        if (written === bytes) onAllWritten?.();
      },
      mismatch,
      () => job.makeWay?.(makeWayAtMostMs) ?? Promise.resolve(),
      job.comparer ?? inlineComparer,
    );
    if (total !== bytes) throw new AppError('internal', `Копия записана не полностью: ${total} байт вместо ${bytes}`);
    await handle.close();
    return temp;
  } catch (error) {
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
    close: () => undefined,
  };
}

/**
 * Writes the backup and its manifest under temporary names, the manifest once the snapshot's check has passed
 * and the whole backup is written (while its last blocks are still being synced and read back), then gives
 * both their final names together. A failed check rejects the manifest, and neither is named.
 */
async function placeBoth(job: CopyJob, finalPath: string): Promise<void> {
  const { fs, backup } = job;
  let backupFailed = false;
  let allWritten = () => undefined as void;
  const written = new Promise<void>((resolve) => (allWritten = resolve));
  const backupTemp = writeTemp(job, backup.blocks, backup.bytes, path.basename(finalPath), true, allWritten).catch(
    (e: unknown) => {
      backupFailed = true;
      allWritten();
      // Failed, this drive never holds the encryption (or the other drives) back again.
      backup.blocks.close();
      throw e;
    },
  );
  const manifestPath = manifestPathOf(finalPath);
  const manifestTemp = Promise.all([job.manifest, written]).then(([text]) =>
    backupFailed ? null : writeTemp(job, oneBlock(text), text.length, path.basename(manifestPath), false),
  );
  const [copied, described] = await Promise.allSettled([backupTemp, manifestTemp]);
  const temps = [copied, described].flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  const removeTemps = () => Promise.all(temps.map((t) => fs.unlink(t).catch(() => undefined)));
  if (copied.status === 'rejected' || described.status === 'rejected' || described.value === null) {
    await removeTemps();
    throw copied.status === 'rejected' ? copied.reason : (described as PromiseRejectedResult).reason;
  }
  try {
    await fs.rename(copied.value, finalPath);
  } catch (error) {
    await removeTemps();
    throw error;
  }
  try {
    await fs.rename(described.value, manifestPath);
    await fs.syncDir(job.dir);
  } catch (error) {
    // A backup without its manifest would still restore, but the destination is reported failed: leave nothing.
    await fs.unlink(finalPath).catch(() => undefined);
    await fs.unlink(described.value).catch(() => undefined);
    throw error;
  }
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
    await placeBoth(job, finalPath);
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
