import { endedEarly } from '../workers/failure';
import { startWorker } from '../workers/start';
import { chunkSize } from './age-stream';
import { placed, type PlacedBlock } from './destination';
import type { RawFacts } from './facts';
import {
  barrier,
  go,
  type CheckerMessage,
  type CheckJob,
  type FromSealer,
  type SnapshotJob,
  type ToSealer,
} from './snapshot-protocol';

/**
 * A backup's snapshot, hashing and encryption on one worker thread, which hands the backup file's blocks to
 * the main thread through shared memory (snapshot-seal.worker.ts), and its check on a second one
 * (snapshot-check.worker.ts). The main thread only writes the blocks to the drives: a teacher's save never
 * waits behind a second of SQLite or of cipher work, and the blocks, written into the same few dozen slots over and over, leave nothing for the main
 * thread's garbage collector (fresh buffers for 300 MB made it collect a heap the size of the whole app
 * twenty times per backup).
 *
 * The snapshot is the database's pages as one read transaction sees them, read from the files a block at a
 * time while it stays open (see snapshot-pages.ts): no scratch file written and read again, as VACUUM INTO
 * would need, and never the whole database in memory, as SQLite's serialize would. The checker's read
 * transaction starts at the same moment, under the write lock, so it checks exactly the bytes that are backed
 * up, while they are sealed and written (a copy gets its final name only after the check passed). In WAL mode
 * a read transaction never blocks the connection that writes, and never restarts.
 */

/** What a finished stream says about the bytes it gave. */
export interface Streamed {
  databaseSha256: string;
  fileSha256: string;
  bytes: number;
}

/**
 * Starts the snapshot of `file` on two worker threads. `begun` settles at the moment the snapshot shows,
 * `taken` with its size, `checked` with quick_check's findings and the manifest's facts, whenever they come.
 * `blocks` gives the backup file's blocks: views into shared memory, each valid until it is given back with
 * `release`. `stop` ends both threads, whatever they were doing.
 */
export interface SnapshotOptions {
  blockBytes: number;
  slots: number;
  /** The payload's file key and its header (null: a plain copy). */
  sealing: { fileKey: Uint8Array; header: Uint8Array } | null;
  /**
   * Takes the database's write lock (BEGIN IMMEDIATE on a connection that writes nothing meanwhile) and gives
   * the function that lets it go, or null where it cannot be had: then the check runs before the copy.
   */
  holdWrites(): (() => void) | null;
}

/** Room in a slot for a block's sealed chunks (16 bytes each 64 KiB), the header and the final chunk. */
const slotBytes = (blockBytes: number) => blockBytes + (blockBytes >> 10) + 2 * 65_552 + 4096;

/** The shared memory a snapshot's slots take: with a block being read, all the memory the snapshot needs. */
export const ringBytes = (blockBytes: number, slots: number) => slots * slotBytes(blockBytes);

export function startSnapshot(file: string, options: SnapshotOptions) {
  // A block is whole chunks, so that the sealed payload can be cut into blocks where its tags fall.
  if (options.blockBytes % chunkSize !== 0) throw new Error('a block must be whole 64 KiB chunks');
  const slotSize = slotBytes(options.blockBytes);
  const flags = new Int32Array(new SharedArrayBuffer(barrier.length * Int32Array.BYTES_PER_ELEMENT));
  const job: SnapshotJob = {
    file,
    blockBytes: options.blockBytes,
    slotSize,
    ring: new SharedArrayBuffer(slotSize * options.slots),
    sealing: options.sealing,
    barrier: flags.buffer as SharedArrayBuffer,
  };
  const worker = startWorker('backup-snapshot-seal', { workerData: job });
  const checker = startWorker('backup-snapshot-check', {
    workerData: { file, barrier: job.barrier } satisfies CheckJob,
  });

  const queue: PlacedBlock[] = [];
  let finished: Streamed | null = null;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let onBegun: { resolve(): void; reject(e: Error): void };
  let onTaken: { resolve(n: number): void; reject(e: Error): void };
  let onChecked: { resolve(f: RawFacts): void; reject(e: Error): void };
  let onEnd: { resolve(s: Streamed): void; reject(e: Error): void };
  const begun = new Promise<void>((resolve, reject) => (onBegun = { resolve, reject }));
  const taken = new Promise<number>((resolve, reject) => (onTaken = { resolve, reject }));
  const checked = new Promise<RawFacts>((resolve, reject) => (onChecked = { resolve, reject }));
  const ended = new Promise<Streamed>((resolve, reject) => (onEnd = { resolve, reject }));
  // Awaited by whoever needs them; these only keep an early failure from counting as unhandled.
  for (const p of [begun, taken, checked, ended]) p.catch(() => undefined);

  const fail = (error: Error) => {
    if (failure || finished) return;
    failure = error;
    for (const pending of [onBegun, onTaken, onChecked, onEnd]) pending.reject(error);
    wake?.();
  };
  // The barrier opens once both threads have their connections: the lock is held for nobody's start-up.
  let ready = 0;
  let opened: 'joined' | 'inline' | null = null;
  let onOpened: (how: 'joined' | 'inline') => void;
  /** How the check runs: beside the copy on its own thread, or before it on the sealing thread. */
  const checking = new Promise<'joined' | 'inline'>((resolve) => (onOpened = resolve));
  const arrived = () => {
    if (++ready < 2) return;
    const release = checkerGone ? null : options.holdWrites();
    opened = release ? 'joined' : 'inline';
    onOpened(opened);
    Atomics.store(flags, barrier.go, release ? go.joined : go.inline);
    Atomics.notify(flags, barrier.go);
    if (!release) return;
    try {
      // Synchronous on purpose: no teacher's call may commit before both transactions have started.
      const deadline = Date.now() + 1000;
      for (
        let n = Atomics.load(flags, barrier.begun);
        n < 2 && Date.now() < deadline;
        n = Atomics.load(flags, barrier.begun)
      ) {
        Atomics.wait(flags, barrier.begun, n, deadline - Date.now());
      }
      if (Atomics.load(flags, barrier.begun) < 2) fail(new Error('снимок базы не начат: поток не ответил'));
    } finally {
      release();
    }
  };
  worker.on('message', (m: FromSealer) => {
    if (m.type === 'ready') arrived();
    else if (m.type === 'begun') onBegun.resolve();
    else if (m.type === 'taken') onTaken.resolve(m.databaseBytes);
    else if (m.type === 'checked') onChecked.resolve(m.facts);
    else if (m.type === 'block') queue.push(placed(Buffer.from(job.ring, m.slot * slotSize, m.length), m.position));
    else if (m.type === 'end') {
      finished = { databaseSha256: m.databaseSha256, fileSha256: m.fileSha256, bytes: m.bytes };
      onEnd.resolve(finished);
    } else fail(new Error(m.message));
    wake?.();
  });
  worker.on('error', fail);
  // A thread that ends without finishing (killed, out of memory) must not leave the backup waiting forever.
  worker.on('exit', (code) => fail(endedEarly(code)));
  // A checker that could not even open the file takes no part: the sealing thread checks, and says why.
  // Once joined, its damage found (or its SQLite error) fails the check alone: run.ts removes the copies.
  let checkerGone = false;
  let checkerReady = false;
  const checkerEnded = (error: Error) => {
    if (!checkerReady) {
      checkerGone = checkerReady = true;
      arrived();
    } else if (opened === 'joined') onChecked.reject(error);
  };
  checker.on('message', (m: CheckerMessage) => {
    if (m.type === 'ready') {
      checkerReady = true;
      arrived();
    } else if (m.type === 'checked') onChecked.resolve(m.facts);
    else checkerEnded(new Error(m.message));
  });
  checker.on('error', checkerEnded);
  checker.on('exit', (code) => checkerEnded(endedEarly(code)));

  return {
    checking,
    begun,
    taken,
    checked,
    ended,
    async *blocks(): AsyncGenerator<PlacedBlock> {
      for (;;) {
        if (queue.length > 0) yield queue.shift()!;
        else if (failure) throw failure;
        else if (finished) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    release(block: PlacedBlock): void {
      if (!failure)
        worker.postMessage({ type: 'free', slot: Math.floor(block.data.byteOffset / slotSize) } satisfies ToSealer);
    },
    async stop(): Promise<void> {
      await Promise.all([worker.terminate(), checker.terminate()]);
    },
  };
}

export type SnapshotStream = ReturnType<typeof startSnapshot>;
