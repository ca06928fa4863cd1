import * as nodeCrypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ageStream, chunkSize } from './age-stream';
import { placed, type PlacedBlock } from './destination';
import { factsOf, sqlitePath, workerSource, type RawFacts, type SqliteClass } from './inspect-worker';
import { barrier, beginRead as beginReadTransaction, checkerSource, go, passBarrier, type CheckerMessage } from './snapshot-check';

/**
 * A backup's snapshot, hashing and encryption on one worker thread, which hands the backup file's blocks to
 * the main thread through shared memory, and its check on a second one (snapshot-check.ts). The main thread
 * only writes the blocks to the drives: a teacher's save never waits behind a second of SQLite or of cipher
 * work, and the blocks, written into the same few dozen slots over and over, leave nothing for the main
 * thread's garbage collector (fresh buffers for 300 MB made it collect a heap the size of the whole app
 * twenty times per backup).
 *
 * The snapshot is the database's pages as one read transaction sees them (SQLite's serialize: 0.13 s for
 * 300 MB, against 0.65 s for VACUUM INTO, which rebuilds every table, and no scratch file written and read
 * again). The checker's read transaction starts at the same moment, under the write lock, so it checks
 * exactly the bytes that are backed up, while they are sealed and written (a copy gets its final name only
 * after the check passed). In WAL mode a read transaction never blocks the connection that writes, and
 * never restarts.
 */

export interface SnapshotJob {
  /** The live database (or a copy already taken): read through a memory map, so it must be a local file. */
  file: string;
  /** Plaintext bytes per block; each block is sealed into a slot of `slotSize`. */
  blockBytes: number;
  slotSize: number;
  ring: SharedArrayBuffer;
  /** The payload's file key (null: a plain copy) and the length its header will have once scrypt has wrapped the key. */
  fileKey: Uint8Array | null;
  headerBytes: number;
}

type ToWorker =
  /** The header that wraps the file key for the passphrase, when scrypt is done (an encrypted copy only). */
  | { type: 'seal'; header: Uint8Array }
  | { type: 'free'; slot: number };
type FromWorker =
  | { type: 'ready' }
  | { type: 'begun' }
  | { type: 'taken'; databaseBytes: number }
  | { type: 'checked'; facts: RawFacts }
  | { type: 'block'; slot: number; length: number; position: number }
  | { type: 'end'; databaseSha256: string; fileSha256: string; bytes: number }
  | { type: 'failed'; message: string };

interface Port {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (message: ToWorker) => void): void;
}

/** Runs on the worker thread: self-contained, everything it uses comes in as arguments. */
async function snapshotTask(
  Database: SqliteClass,
  crypto: typeof nodeCrypto,
  age: ReturnType<typeof ageStream>,
  check: typeof factsOf,
  job: SnapshotJob,
  port: Port,
  flags: Int32Array,
  joinAtBarrier: typeof passBarrier,
  beginRead: typeof beginReadTransaction,
): Promise<void> {
  const inbox: ToWorker[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m) => {
    inbox.push(m);
    wake?.();
  });
  /** The first message of this type already come, taken out of the inbox; null if none has. */
  const received = <T extends ToWorker['type']>(type: T): Extract<ToWorker, { type: T }> | null => {
    const at = inbox.findIndex((m) => m.type === type);
    return at >= 0 ? (inbox.splice(at, 1)[0] as Extract<ToWorker, { type: T }>) : null;
  };
  const next = async <T extends ToWorker['type']>(type: T): Promise<Extract<ToWorker, { type: T }>> => {
    for (;;) {
      const message = received(type);
      if (message) return message;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };

  let image: Buffer;
  const source = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Read through a memory map rather than a read() per page: measured, a quarter less CPU.
    source.pragma('mmap_size = 4294967296');
    port.postMessage({ type: 'ready' });
    // Started together with the checker's, under the main thread's write lock (see snapshot-check.ts).
    const inline = !joinAtBarrier(flags, () => beginRead(source));
    if (inline) beginRead(source);
    port.postMessage({ type: 'begun' });
    if (inline) port.postMessage({ type: 'checked', facts: check(source, false) });
    image = source.serialize();
    port.postMessage({ type: 'taken', databaseBytes: image.length });
    source.exec('commit');
  } finally {
    source.close();
  }
  // One self-contained file: page 1 says «rollback journal» (what `journal_mode = DELETE` writes there), so
  // the backup opens without a -wal file beside it, even read-only.
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;

  // Sealed block by block, in place, and sent to the drives while the main thread's scrypt still derives
  // the header's key: the payload's key comes from the file key alone (random), and the header, whose length
  // is known beforehand, goes to its place at the start of the file once it is there.
  const { fileKey, headerBytes } = job;
  const databaseHash = crypto.createHash('sha256');
  const fileHash = crypto.createHash('sha256');
  const nonce = crypto.randomBytes(age.payloadNonceSize);
  const sealer = fileKey ? age.inPlaceSealer(age.payloadKey(fileKey, nonce), image) : null;
  const slots = job.ring.byteLength / job.slotSize;
  const free: number[] = Array.from({ length: slots }, (_, i) => i);
  const drainFreed = () => {
    for (let m = received('free'); m; m = received('free')) free.push(m.slot);
  };
  let bytes = 0;
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
    bytes += length;
    port.postMessage({ type: 'block', slot, length, position });
    drainFreed();
  };
  // The file's hash runs in the file's order: from the header on, once the header is there.
  let header: Uint8Array | null = null;
  let sealedUpTo = 0;
  const placeHeader = async (given: Uint8Array) => {
    if (given.length !== headerBytes) throw new Error('the header is not as long as foreseen');
    header = given;
    fileHash.update(header).update(nonce);
    for (const piece of age.sealedPieces(image, sealer!.tags, 0, sealedUpTo)) fileHash.update(piece);
    await send([header], 0);
  };
  for (let at = 0, position = headerBytes, first = true; first || at < image.length; first = false) {
    const to = Math.min(at + job.blockBytes, image.length);
    let pieces: Uint8Array[];
    if (sealer) {
      sealer.seal(at, to, (plain) => databaseHash.update(plain));
      const sealed = age.sealedPieces(image, sealer.tags, at, to);
      sealedUpTo = to;
      // Hashed here once the header is in the hash (never on the first block: the header comes after it).
      if (header) for (const piece of sealed) fileHash.update(piece);
      pieces = first ? [nonce, ...sealed] : sealed;
    } else {
      pieces = [image.subarray(at, to)];
      databaseHash.update(pieces[0]!);
    }
    at = to;
    const length = pieces.reduce((n, p) => n + p.length, 0);
    await send(pieces, position);
    position += length;
    const sealed = sealer && !header ? received('seal') : null;
    if (sealed) await placeHeader(sealed.header);
  }
  if (sealer && !header) await placeHeader((await next('seal')).header);
  const databaseSha256 = databaseHash.digest('hex');
  port.postMessage({ type: 'end', databaseSha256, fileSha256: sealer ? fileHash.digest('hex') : databaseSha256, bytes });
}

const source = workerSource(
  { ageStream, factsOf, passBarrier, beginRead: beginReadTransaction, snapshotTask },
  `const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
snapshotTask(require(workerData.sqlite), crypto, ageStream(crypto), factsOf, workerData.job, parentPort, new Int32Array(workerData.barrier), passBarrier, beginRead).catch(
  (e) => parentPort.postMessage({ type: 'failed', message: String((e && e.message) || e) }),
);`,
);

/** What a finished stream says about the bytes it gave. */
export interface Streamed {
  databaseSha256: string;
  fileSha256: string;
  bytes: number;
}

/**
 * Starts the snapshot of `file` on two worker threads. `begun` settles at the moment the snapshot shows,
 * `taken` with its size, `checked` with quick_check's findings and the manifest's facts, whenever they come.
 * The payload is sealed with `fileKey` from the start; `seal` gives the header once scrypt has wrapped the
 * key. `blocks` gives the backup file's blocks: views into shared memory, each valid until it is given back with
 * `release`. `stop` ends both threads, whatever they were doing.
 */
export interface SnapshotOptions {
  blockBytes: number;
  slots: number;
  /** The payload's file key (null: a plain copy) and the length its header will have (see `seal`). */
  fileKey: Uint8Array | null;
  headerBytes: number;
  /**
   * Takes the database's write lock (BEGIN IMMEDIATE on a connection that writes nothing meanwhile) and gives
   * the function that lets it go, or null where it cannot be had: then the check runs before the copy.
   */
  holdWrites(): (() => void) | null;
}

export function startSnapshot(file: string, options: SnapshotOptions) {
  // A block is whole chunks, so that the sealed payload can be cut into blocks where its tags fall.
  if (options.blockBytes % chunkSize !== 0) throw new Error('a block must be whole 64 KiB chunks');
  // Room for a block's sealed chunks (16 bytes each 64 KiB), the header and the final chunk.
  const slotSize = options.blockBytes + (options.blockBytes >> 10) + 2 * 65_552 + 4096;
  const job: SnapshotJob = {
    file,
    blockBytes: options.blockBytes,
    slotSize,
    ring: new SharedArrayBuffer(slotSize * options.slots),
    fileKey: options.fileKey,
    headerBytes: options.headerBytes,
  };
  const flags = new Int32Array(new SharedArrayBuffer(barrier.length * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(source, { eval: true, workerData: { sqlite: sqlitePath(), job, barrier: flags.buffer } });
  const checker = new Worker(checkerSource, { eval: true, workerData: { sqlite: sqlitePath(), file, barrier: flags.buffer } });

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
      for (let n = Atomics.load(flags, barrier.begun); n < 2 && Date.now() < deadline; n = Atomics.load(flags, barrier.begun)) {
        Atomics.wait(flags, barrier.begun, n, deadline - Date.now());
      }
      if (Atomics.load(flags, barrier.begun) < 2) fail(new Error('снимок базы не начат: поток не ответил'));
    } finally {
      release();
    }
  };
  worker.on('message', (m: FromWorker) => {
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
  const exited = (code: number) => new Error(`работа прервана: поток завершился с кодом ${code}`);
  worker.on('exit', (code) => fail(exited(code)));
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
  checker.on('exit', (code) => checkerEnded(exited(code)));

  return {
    checking,
    begun,
    taken,
    checked,
    ended,
    /** The header that wraps the file key for the passphrase: written last, to its place at the start of the file. */
    seal(header: Uint8Array): void {
      worker.postMessage({ type: 'seal', header } satisfies ToWorker);
    },
    async *blocks(): AsyncGenerator<PlacedBlock> {
      for (;;) {
        if (queue.length > 0) yield queue.shift()!;
        else if (failure) throw failure;
        else if (finished) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    release(block: PlacedBlock): void {
      if (!failure) worker.postMessage({ type: 'free', slot: Math.floor(block.data.byteOffset / slotSize) } satisfies ToWorker);
    },
    async stop(): Promise<void> {
      await Promise.all([worker.terminate(), checker.terminate()]);
    },
  };
}

export type SnapshotStream = ReturnType<typeof startSnapshot>;
