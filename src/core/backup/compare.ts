import type { Worker } from 'node:worker_threads';
import { asking } from '../workers/asking';
import { pieceNamer, type Piece, type ShareMessage } from '../workers/shared-memory';
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

export type CompareRequest = ShareMessage | { type: 'compare'; id: number; a: Piece; b: Piece };

export interface CompareAnswer {
  id: number;
  equal: boolean;
}

export const inlineComparer: Comparer = {
  equal: async (back, written) => back.equals(written),
  scratch: (bytes) => Buffer.allocUnsafe(bytes),
  stop: async () => undefined,
};

export function startComparer(): Comparer {
  const worker: Worker = startWorker('backup-compare');
  const thread = asking<CompareAnswer>(worker, 'поток сравнения копии остановился');
  const pieceOf = pieceNamer((share) => worker.postMessage(share satisfies CompareRequest));
  return {
    equal(back, written) {
      if (back.length !== written.length) return inlineComparer.equal(back, written);
      const a = pieceOf(back);
      const b = a && pieceOf(written);
      if (!a || !b) return inlineComparer.equal(back, written);
      return thread.ask((id) => ({ type: 'compare', id, a, b }) satisfies CompareRequest).then((r) => r.equal);
    },
    scratch: (bytes) => Buffer.from(new SharedArrayBuffer(bytes)),
    async stop() {
      await worker.terminate();
    },
  };
}
