import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { WorkerName } from './entries';
import { endedEarly, errorOf, type JobFailure } from './failure';
import { startWorker } from './start';

/** What a pool's worker posts for a job: progress any number of times, then one end. It gets `{ id, abort: true }` to stop. */
export type JobReply =
  | { id: number; progress: unknown }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; failure: JobFailure };

export interface JobOptions {
  /** Cancels the job: a queued one never runs; a running one's thread is ended and replaced. */
  signal?: AbortSignal;
  onProgress?(data: unknown): void;
  /** A running job is asked to stop (and answers with what it did) instead of having its thread ended. */
  stopsItself?: boolean;
}

interface Job {
  id: number;
  message: object;
  options: JobOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
  cancelled?: boolean;
  detach?(): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  error?: Error;
}

export const cancelledError = () => new AppError('conflict', 'Работа отменена', { refusal: 'cancelled' });

/**
 * How far below the thread that answers calls the heavy calls' threads run (calls.worker.ts): enough that on two
 * cores the main thread keeps one to itself; not so far that other programs on the computer starve a PDF.
 */
export const poolNice = 5;

/**
 * A backup's threads (its snapshot and cipher, its check) run further below: nobody waits for a backup, and on
 * two cores its hashing and encryption otherwise kept the main thread waiting for a turn for up to 90 ms.
 */
export const backupNice = 10;

/** Workers for a machine: one beside the main thread per spare core, at least two so one long job never blocks the rest. */
export const defaultPoolSize = () => Math.min(4, Math.max(2, os.availableParallelism() - 1));

export type Pool = ReturnType<typeof createPool>;

/**
 * A few threads of one worker entry, started when work arrives, that run jobs in the order they came. An
 * idle thread does not keep the process alive; a busy one does, so a command line waits for its file.
 */
export function createPool(entry: { name: WorkerName; size: number; workerData?: unknown }) {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;

  function spawn(): Slot {
    const slot: Slot = { worker: startWorker(entry.name, { workerData: entry.workerData }), job: null };
    slot.worker.on('message', (reply: JobReply) => answered(slot, reply));
    // An uncaught error in the thread: 'exit' follows, and the job fails with this error's text.
    slot.worker.on('error', (e) => (slot.error = e));
    slot.worker.on('exit', (code) => ended(slot, code));
    slot.worker.unref();
    slots.push(slot);
    return slot;
  }

  function pump() {
    while (queue.length > 0) {
      const slot = slots.find((s) => s.job === null) ?? (slots.length < entry.size ? spawn() : null);
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ ...job.message, id: job.id });
    }
  }

  function settle(slot: Slot): Job | null {
    const job = slot.job;
    slot.job = null;
    slot.worker.unref();
    job?.detach?.();
    return job;
  }

  function answered(slot: Slot, reply: JobReply) {
    if (!slot.job || slot.job.id !== reply.id) return;
    if ('progress' in reply) {
      slot.job.options.onProgress?.(reply.progress);
      return;
    }
    const job = settle(slot) as Job;
    pump();
    if (reply.ok) job.resolve(reply.value);
    else job.reject(errorOf(reply.failure));
  }

  function ended(slot: Slot, code: number) {
    slots.splice(slots.indexOf(slot), 1);
    const job = settle(slot);
    pump();
    if (job) job.reject(job.cancelled ? cancelledError() : (slot.error ?? endedEarly(code)));
  }

  function cancel(job: Job) {
    const queued = queue.indexOf(job);
    if (queued >= 0) {
      queue.splice(queued, 1);
      job.detach?.();
      job.reject(cancelledError());
      return;
    }
    const slot = slots.find((s) => s.job === job);
    if (!slot) return;
    if (job.options.stopsItself) {
      slot.worker.postMessage({ id: job.id, abort: true });
    } else {
      job.cancelled = true;
      void slot.worker.terminate();
    }
  }

  return {
    /** Queues a job: `message` goes to a free thread with the job's id; the promise has its value or its error. */
    run(message: object, options: JobOptions = {}): Promise<unknown> {
      if (options.signal?.aborted) return Promise.reject(cancelledError());
      return new Promise((resolve, reject) => {
        const job: Job = { id: nextId++, message, options, resolve, reject };
        const { signal } = options;
        if (signal) {
          const onAbort = () => cancel(job);
          signal.addEventListener('abort', onAbort, { once: true });
          job.detach = () => signal.removeEventListener('abort', onAbort);
        }
        queue.push(job);
        pump();
      });
    },

    /** Jobs queued or running now. */
    get pending() {
      return queue.length + slots.filter((s) => s.job).length;
    },

    /**
     * Ends every thread and fails every job, e.g. before a restore swaps the database file under them. The pool
     * stays usable: the next job starts new threads.
     */
    async stop(
      reason: Error = new AppError('conflict', 'Работа прервана: программа закрывает базу данных', { refusal: 'busy' }),
    ): Promise<void> {
      for (const job of queue.splice(0)) {
        job.detach?.();
        job.reject(reason);
      }
      const running = slots.splice(0);
      for (const slot of running) {
        const job = settle(slot);
        job?.reject(reason);
        slot.worker.removeAllListeners('exit');
      }
      await Promise.all(running.map((s) => s.worker.terminate()));
    },
  };
}
