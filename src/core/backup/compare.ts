import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start';

/**
 * How a copy compares what a drive gave back with what was written. A backup compares three times the size of
 * the database, and on the thread that answers calls that walk through memory was measured at 0.6 GB/s while the
 * drives were being written: a teacher's save waited behind it. So the bytes are compared by a thread of their
 * own, below the answering one, in shared memory where both are (the snapshot's slots and each drive's read-back
 * buffer); buffers not in shared memory (the manifest, a test's blocks) are compared here.
 */
export interface Comparer {
  equal(back: Buffer, written: Buffer): Promise<boolean>;
  /** A buffer to read a drive's bytes back into, where the comparing thread can see it. */
  scratch(bytes: number): Buffer;
  stop(): Promise<void>;
}

/** A piece of one of the shared buffers the comparing thread was given. */
interface Piece {
  memory: number;
  offset: number;
  length: number;
}

export type CompareRequest =
  { type: 'share'; id: number; memory: SharedArrayBuffer } | { type: 'compare'; id: number; a: Piece; b: Piece };

export interface CompareAnswer {
  id: number;
  equal: boolean;
}

export const inlineComparer: Comparer = {
  equal: async (back, written) => back.equals(written),
  scratch: (bytes) => Buffer.allocUnsafe(bytes),
  stop: async () => undefined,
};

const sharedOf = (b: Buffer) => (b.buffer instanceof SharedArrayBuffer ? b.buffer : null);

export function startComparer(): Comparer {
  const worker: Worker = startWorker('backup-compare');
  const ids = new WeakMap<SharedArrayBuffer, number>();
  const pending = new Map<number, { resolve(equal: boolean): void; reject(e: Error): void }>();
  let next = 0;
  let ended: Error | null = null;
  const end = (error: Error) => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(ended);
    pending.clear();
  };
  worker.on('message', ({ id, equal }: CompareAnswer) => {
    pending.get(id)?.resolve(equal);
    pending.delete(id);
  });
  worker.on('error', end);
  worker.on('exit', () => end(new Error('поток сравнения копии остановился')));
  const pieceOf = (b: Buffer, memory: SharedArrayBuffer): Piece => {
    let id = ids.get(memory);
    if (id === undefined) {
      ids.set(memory, (id = next++));
      worker.postMessage({ type: 'share', id, memory } satisfies CompareRequest);
    }
    return { memory: id, offset: b.byteOffset, length: b.length };
  };
  return {
    equal(back, written) {
      const a = sharedOf(back);
      const b = sharedOf(written);
      if (!a || !b || back.length !== written.length) return inlineComparer.equal(back, written);
      if (ended) return Promise.reject(ended);
      const id = next++;
      return new Promise<boolean>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({
          type: 'compare',
          id,
          a: pieceOf(back, a),
          b: pieceOf(written, b),
        } satisfies CompareRequest);
      });
    },
    scratch: (bytes) => Buffer.from(new SharedArrayBuffer(bytes)),
    async stop() {
      await worker.terminate();
    },
  };
}
