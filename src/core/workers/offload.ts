import fs from 'node:fs';
import path from 'node:path';
import { reportNames } from '../../shared/contract/reports';
import type { Actor } from '../actor';
import type { CallContext } from '../api/dispatch';
import type { ShellOrigin } from '../audit/origin';
import type { Clock } from '../clock';
import type { BookOptions } from '../print/book/layout';
import type { SchoolProgress, SchoolResult } from '../print/school';
import type { PrintTargets } from '../print/service';
import { createPool, defaultPoolSize } from './pool';

/**
 * The calls that take from a tenth of a second to minutes of synchronous work (queries over a whole school,
 * PDF and XLSX writing, parsing imported tables): they run on the pool's threads, so the thread that answers
 * calls and saves marks never waits behind them.
 */
export const heavyChannels: ReadonlySet<string> = new Set([
  ...reportNames.map((name) => `reports:${name}`),
  'reports:file',
  'movement:registerFile',
  'audit:export',
  'audit:verifyChain',
  'print:preflight',
  'print:classBook',
  'imports:inspect',
  'imports:preview',
  'imports:commit',
  'years:status',
]);

/** What every thread of the pool is started with (calls.worker.ts). */
export interface CallsWorkerData {
  dbFile: string;
  origin?: ShellOrigin;
  printTo?: PrintTargets;
}

/**
 * What a job carries beside its work, read on the main thread when it is queued: the shell's folders may
 * change while the app runs, and the clock is the caller's (a test's fixed moment, the app's real time).
 */
export interface JobContext {
  at: number;
  fontsDir: string | null;
  printDir: string | null;
}

export type CallsJob = JobContext &
  (
    | { kind: 'call'; channel: string; input: unknown; actor: Actor | null; computer?: string }
    | { kind: 'printSchool'; yearId: number; options: BookOptions }
  );

export interface OffloadOptions {
  dbFile: string;
  clock: Clock;
  fontsDir(): string;
  printDir(): string;
  origin?: ShellOrigin;
  printTo?: PrintTargets;
  size?: number;
}

export type Offload = ReturnType<typeof createOffload>;

const attempt = (dir: () => string) => {
  try {
    return dir();
  } catch {
    // Not configured in this shell: the thread fails the job with the same message when it needs the folder.
    return null;
  }
};

export function createOffload(options: OffloadOptions) {
  // The pool's threads run at a lower priority (calls.worker.ts), and a thread inherits the priority of the
  // one that made it: Node's own I/O threads, made by whichever thread first needs one, are made here by the
  // main thread so that its file and crypto work never runs at the pool's priority.
  fs.stat(options.dbFile, () => undefined);
  const pool = createPool({
    name: 'core-calls',
    size: options.size ?? defaultPoolSize(),
    workerData: {
      dbFile: path.resolve(options.dbFile),
      origin: options.origin,
      printTo: options.printTo,
    } satisfies CallsWorkerData,
  });
  const context = (): JobContext => ({
    at: options.clock.now().getTime(),
    fontsDir: attempt(options.fontsDir),
    printDir: attempt(options.printDir),
  });
  return {
    pool,
    /** The dispatcher's hook: a heavy channel's checked input and actor go to a thread; null for any other channel. */
    call(channel: string, input: unknown, actor: Actor | null, call: CallContext): Promise<unknown> | null {
      if (!heavyChannels.has(channel)) return null;
      const job = { kind: 'call', channel, input, actor, computer: call.computer, ...context() } satisfies CallsJob;
      return pool.run(job, {
        signal: call.signal,
      });
    },
    /** The whole school's books on a thread; a cancel is passed to it, so the books written so far are kept. */
    async printSchool(yearId: number, book: BookOptions, progress: SchoolProgress): Promise<SchoolResult> {
      const job = pool.run({ kind: 'printSchool', yearId, options: book, ...context() } satisfies CallsJob, {
        signal: progress.signal,
        stopsItself: true,
        onProgress: (p) => {
          const [done, total, current] = p as [number, number, string | null];
          progress.onProgress?.(done, total, current);
        },
      }) as Promise<SchoolResult>;
      try {
        return await job;
      } catch (e) {
        // Cancelled while it waited for a thread: nothing was written, which is a cancelled run, not a failed one.
        if (progress.signal?.aborted) return { folder: '', books: [], act: null, cancelled: true };
        throw e;
      }
    },
  };
}
