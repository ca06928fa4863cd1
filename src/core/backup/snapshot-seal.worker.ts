// A worker thread's entry (see core/workers): the backup's snapshot, hashing and encryption, handing the
// backup file's blocks to the main thread through shared memory (see snapshot-stream.ts).
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { failureText } from '../workers/failure';
import { backupNice } from '../workers/pool';
import { lowerThisThread } from '../workers/priority';
import { blockSealer, payloadKey, payloadNonceSize } from './age-stream';
import { factsOf } from './facts';
import { snapshotPages, walIndexOf, wholeSnapshot, type SnapshotPages, type WalIndex } from './snapshot-pages';
import { beginRead, passBarrier, type FromSealer, type SnapshotJob, type ToSealer } from './snapshot-protocol';

const port = parentPort!;
const say = (message: FromSealer) => port.postMessage(message);

// A backup is background work: its cipher and check take the CPU the answers leave.
lowerThisThread(backupNice);

const inbox: ToSealer[] = [];
let wake: (() => void) | null = null;
port.on('message', (m: ToSealer) => {
  inbox.push(m);
  wake?.();
});
/** The first message of this type already come, taken out of the inbox; null if none has. */
const received = <T extends ToSealer['type']>(type: T): Extract<ToSealer, { type: T }> | null => {
  const at = inbox.findIndex((m) => m.type === type);
  return at >= 0 ? (inbox.splice(at, 1)[0] as Extract<ToSealer, { type: T }>) : null;
};
const next = async <T extends ToSealer['type']>(type: T): Promise<Extract<ToSealer, { type: T }>> => {
  for (;;) {
    const message = received(type);
    if (message) return message;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
};

/**
 * Starts the read transaction, together with the checker's under the main thread's write lock (see
 * snapshot-protocol.ts), and reads the wal-index header it began with (see snapshot-pages.ts). True when the
 * check is left to this thread.
 */
function begin(job: SnapshotJob, source: Database.Database): { inline: boolean; wal: WalIndex | null } {
  let wal: WalIndex | null = null;
  // Writes are held off until this thread says it has begun: the header read now is the transaction's.
  if (passBarrier(new Int32Array(job.barrier), () => (beginRead(source), (wal = walIndexOf(job.file)))))
    return { inline: false, wal };
  // Nothing holds writes off: the header read before the transaction began and after is the same, or the
  // transaction begins again (a commit came in between).
  for (let attempt = 0; ; attempt++) {
    const before = walIndexOf(job.file);
    beginRead(source);
    wal = walIndexOf(job.file);
    if (!before || !wal || before.header.equals(wal.header)) return { inline: true, wal: before && wal };
    if (attempt === 4) return { inline: true, wal: null };
    source.exec('commit');
  }
}

/** The backup file's blocks: the snapshot's pages read a block at a time, hashed, sealed, and handed to the main thread. */
async function stream(job: SnapshotJob, pages: SnapshotPages): Promise<void> {
  const databaseHash = crypto.createHash('sha256');
  const fileHash = job.sealing ? crypto.createHash('sha256') : databaseHash;
  const nonce = crypto.randomBytes(payloadNonceSize);
  const sealer = job.sealing ? blockSealer(payloadKey(job.sealing.fileKey, nonce), pages.bytes) : null;
  const plain = Buffer.allocUnsafe(job.blockBytes);
  const readBlock = (at: number): Buffer => {
    const block = plain.subarray(0, Math.min(job.blockBytes, pages.bytes - at));
    pages.read(at, block);
    // One self-contained file: page 1 says «rollback journal» (what `journal_mode = DELETE` writes there), so
    // the backup opens without a -wal file beside it, even read-only.
    if (at === 0 && block.length >= 20 && block[18] === 2 && block[19] === 2) block[18] = block[19] = 1;
    return block;
  };
  const slots = job.ring.byteLength / job.slotSize;
  const free: number[] = Array.from({ length: slots }, (_, i) => i);
  let bytes = 0;
  /** Copies the pieces into a free slot (hashing them as they go in) and hands it to the main thread. */
  const send = async (pieces: Uint8Array[], position: number) => {
    while (free.length === 0) free.push((await next('free')).slot);
    const slot = free.shift()!;
    const view = Buffer.from(job.ring, slot * job.slotSize, job.slotSize);
    let length = 0;
    for (const piece of pieces) {
      if (length + piece.length > view.length) throw new Error('a sealed block does not fit its slot');
      view.set(piece, length);
      length += piece.length;
    }
    if (sealer) fileHash.update(view.subarray(0, length));
    bytes += length;
    say({ type: 'block', slot, length, position });
    for (let m = received('free'); m; m = received('free')) free.push(m.slot);
  };
  for (let at = 0, position = 0, first = true; first || at < pages.bytes; first = false) {
    const block = readBlock(at);
    databaseHash.update(block);
    const sealed = sealer ? sealer.seal(block, at) : [block];
    const pieces = first && job.sealing ? [job.sealing.header, nonce, ...sealed] : sealed;
    at += block.length;
    const length = pieces.reduce((n, p) => n + p.length, 0);
    await send(pieces, position);
    position += length;
  }
  const databaseSha256 = databaseHash.digest('hex');
  say({ type: 'end', databaseSha256, fileSha256: sealer ? fileHash.digest('hex') : databaseSha256, bytes });
}

/**
 * The snapshot: a read transaction on a read-only connection, open until the last block is sent, whose pages
 * are read from the files a block at a time (see snapshot-pages.ts).
 */
async function snapshot(job: SnapshotJob): Promise<void> {
  const source = new Database(job.file, { readonly: true, fileMustExist: true });
  let pages: SnapshotPages | null = null;
  try {
    source.pragma('busy_timeout = 5000');
    // The check reads through a memory map rather than a read() per page: measured, a quarter less CPU.
    source.pragma('mmap_size = 4294967296');
    say({ type: 'ready' });
    const { inline, wal } = begin(job, source);
    say({ type: 'begun' });
    if (inline) say({ type: 'checked', facts: factsOf(source, false) });
    pages = snapshotPages(job.file, source, wal) ?? wholeSnapshot(source);
    say({ type: 'taken', databaseBytes: pages.bytes });
    await stream(job, pages);
  } finally {
    pages?.close();
    source.close();
  }
}

snapshot(workerData as SnapshotJob).catch((e) => say({ type: 'failed', message: failureText(e) }));
