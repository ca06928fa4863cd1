import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { PrintJob } from '../../shared/contract/print';
import type { SchoolProgress, SchoolResult } from './school';

/**
 * The whole school's printing as a background job the screen polls: the same over IPC and HTTP, with no
 * event channel to keep open. Jobs live in memory; a finished one stays readable until the app closes.
 */
export function createPrintJobs() {
  const jobs = new Map<string, { job: PrintJob; controller: AbortController }>();

  return {
    start(folder: string, run: (progress: SchoolProgress) => Promise<SchoolResult>): string {
      const id = randomUUID();
      const controller = new AbortController();
      const job: PrintJob = {
        id,
        status: 'running',
        done: 0,
        total: 0,
        current: null,
        folder,
        books: [],
        act: null,
        error: null,
      };
      jobs.set(id, { job, controller });
      void run({
        signal: controller.signal,
        onProgress: (done, total, current) => Object.assign(job, { done, total, current }),
      }).then(
        (result) =>
          Object.assign(job, {
            status: result.cancelled ? 'cancelled' : 'done',
            books: result.books,
            act: result.act,
            current: null,
            done: result.books.length,
          }),
        (error: unknown) =>
          Object.assign(job, {
            status: 'failed',
            current: null,
            error: error instanceof AppError ? error.message : 'Внутренняя ошибка программы при печати',
          }),
      );
      return id;
    },

    get(id: string): PrintJob {
      const entry = jobs.get(id);
      if (!entry) throw new AppError('not_found', 'Такого задания печати нет (возможно, программа была перезапущена)');
      return entry.job;
    },

    cancel(id: string): boolean {
      const entry = jobs.get(id);
      if (!entry) throw new AppError('not_found', 'Такого задания печати нет');
      if (entry.job.status !== 'running') return false;
      entry.controller.abort();
      return true;
    },
  };
}
