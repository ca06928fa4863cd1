import type { Worker } from 'node:worker_threads';
import { asking } from '../workers/asking';
import { pieceNamer, type Piece, type ShareMessage } from '../workers/shared-memory';
import { startWorker } from '../workers/start';
import { nodeFs, type BackupFs, type WriteHandle } from './fsops';

/**
 * A backup's writes, syncs and read-backs to one drive, made by a thread of that drive's own below the thread
 * that answers calls. Through Node's file calls they ran on its shared pool of four threads, at the answering
 * thread's own priority: a 300 MB backup to three drives kept those four busy for 8 s of CPU (copying into and
 * out of the page cache), and a teacher's save waited its turn for a core behind them for up to 50 ms at a
 * time. Here each call is a plain blocking one on the drive's thread, so a slow stick holds back only its own
 * copy; the bytes are the snapshot's shared slots and the read-back buffer, named, never copied.
 */
export interface DriveThread {
  /** nodeFs, but for the files it creates, whose writes, syncs and read-backs go through the drive's thread. */
  fs: BackupFs;
  /** Ends the thread; one stuck in a drive's call (a hung share) is left to end when the call returns. */
  stop(): Promise<void>;
}

/** Bytes given to the thread: a piece of shared memory, or a copy where they are not in it. */
export type Bytes = { piece: Piece } | { copy: Uint8Array };

export type DriveRequest =
  | ShareMessage
  | { type: 'open'; id: number; file: string }
  | { type: 'write'; id: number; fd: number; data: Bytes[]; position: number }
  | { type: 'sync'; id: number; fd: number }
  | { type: 'read'; id: number; fd: number; into: { piece: Piece } | { length: number }; position: number }
  | { type: 'close'; id: number; fd: number };

/** What the thread answers: a number (a descriptor, bytes read), the bytes read where they were not shared, or the error. */
export type DriveAnswer =
  | { id: number; ok: true; value: number; bytes?: Uint8Array }
  | { id: number; ok: false; code?: string; message: string };

export function startDriveThread(): DriveThread {
  const worker: Worker = startWorker('backup-drive');
  const thread = asking<DriveAnswer>(worker, 'поток записи на носитель остановился');
  const pieceOf = pieceNamer((share) => worker.postMessage(share satisfies DriveRequest));
  const bytesOf = (data: Uint8Array): Bytes => {
    const piece = pieceOf(data);
    return piece ? { piece } : { copy: data };
  };

  async function ask(request: (id: number) => DriveRequest): Promise<DriveAnswer & { ok: true }> {
    const answer = await thread.ask(request);
    if (answer.ok) return answer;
    // Its code (ENOSPC, EIO…) is what names the failure in Russian (describeFsError).
    throw Object.assign(new Error(answer.message), { code: answer.code });
  }

  async function create(file: string): Promise<WriteHandle> {
    const { value: fd } = await ask((id) => ({ type: 'open', id, file }));
    return {
      async write(data, position) {
        await ask((id) => ({ type: 'write', id, fd, data: data.map(bytesOf), position }));
      },
      async sync() {
        await ask((id) => ({ type: 'sync', id, fd }));
      },
      async readBack(into, position) {
        const piece = pieceOf(into);
        const target = piece ? { piece } : { length: into.length };
        const answer = await ask((id) => ({ type: 'read', id, fd, into: target, position }));
        if (answer.bytes) into.set(answer.bytes);
        return answer.value;
      },
      async close() {
        await ask((id) => ({ type: 'close', id, fd }));
      },
    };
  }

  return {
    fs: { ...nodeFs, create },
    async stop() {
      if (thread.waiting() > 0) {
        // Its call may never return (a hung network share): the thread ends then, and holds nothing up meanwhile.
        worker.unref();
        void worker.terminate();
        return;
      }
      await worker.terminate();
    },
  };
}
