// A worker thread's entry (see core/workers): the backup's snapshot, hashing and encryption, handing the
// backup file's blocks to the main thread through shared memory (see snapshot-stream.ts).
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { failureText } from '../workers/failure';
import { inPlaceSealer, payloadKey, payloadNonceSize, sealedPieces } from './age-stream';
import { factsOf } from './facts';
import { beginRead, passBarrier, type FromSealer, type SnapshotJob, type ToSealer } from './snapshot-protocol';

const port = parentPort!;
const say = (message: FromSealer) => port.postMessage(message);

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

/** The database's pages as one read transaction sees them, started together with the checker's. */
function takeSnapshot(job: SnapshotJob): Buffer {
  let image: Buffer;
  const source = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Read through a memory map rather than a read() per page: measured, a quarter less CPU.
    source.pragma('mmap_size = 4294967296');
    say({ type: 'ready' });
    // Started together with the checker's, under the main thread's write lock (see snapshot-protocol.ts).
    const inline = !passBarrier(new Int32Array(job.barrier), () => beginRead(source));
    if (inline) beginRead(source);
    say({ type: 'begun' });
    if (inline) say({ type: 'checked', facts: factsOf(source, false) });
    image = source.serialize();
    say({ type: 'taken', databaseBytes: image.length });
    source.exec('commit');
  } finally {
    source.close();
  }
  // One self-contained file: page 1 says «rollback journal» (what `journal_mode = DELETE` writes there), so
  // the backup opens without a -wal file beside it, even read-only.
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;
  return image;
}

async function snapshot(job: SnapshotJob): Promise<void> {
  const image = takeSnapshot(job);
  // Sealed block by block, in place, and sent to the drives while the main thread's scrypt still derives
  // the header's key: the payload's key comes from the file key alone (random), and the header, whose length
  // is known beforehand, goes to its place at the start of the file once it is there.
  const { fileKey, headerBytes } = job;
  const databaseHash = crypto.createHash('sha256');
  const fileHash = crypto.createHash('sha256');
  const nonce = crypto.randomBytes(payloadNonceSize);
  const sealer = fileKey ? inPlaceSealer(payloadKey(fileKey, nonce), image) : null;
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
    say({ type: 'block', slot, length, position });
    drainFreed();
  };
  // The file's hash runs in the file's order: from the header on, once the header is there.
  let header: Uint8Array | null = null;
  let sealedUpTo = 0;
  const placeHeader = async (given: Uint8Array) => {
    if (given.length !== headerBytes) throw new Error('the header is not as long as foreseen');
    header = given;
    fileHash.update(header).update(nonce);
    for (const piece of sealedPieces(image, sealer!.tags, 0, sealedUpTo)) fileHash.update(piece);
    await send([header], 0);
  };
  for (let at = 0, position = headerBytes, first = true; first || at < image.length; first = false) {
    const to = Math.min(at + job.blockBytes, image.length);
    let pieces: Uint8Array[];
    if (sealer) {
      sealer.seal(at, to, (plain) => databaseHash.update(plain));
      const sealed = sealedPieces(image, sealer.tags, at, to);
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
  say({ type: 'end', databaseSha256, fileSha256: sealer ? fileHash.digest('hex') : databaseSha256, bytes });
}

snapshot(workerData as SnapshotJob).catch((e) => say({ type: 'failed', message: failureText(e) }));
