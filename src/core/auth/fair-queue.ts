import { AppError } from '../../shared/errors';

export interface FairQueueOptions {
  /** Password checks running at once (each is a slow hash on its own thread). */
  concurrency: number;
  /** Checks one source may have waiting; more from it are refused at once. */
  perSource: number;
}

interface Job {
  run(): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export const tooManyAttempts =
  'Слишком много попыток входа с этого компьютера одновременно: подождите несколько секунд и повторите.';

/**
 * Password checks taken in turns by source (a computer, the desktop window), not in arrival order: sixty
 * guesses fired at once from one lab computer wait behind each other, while a teacher logging in anywhere
 * else gets the next free turn. A source's own backlog is capped, so a burst cannot pile up without end.
 */
export function createFairQueue({ concurrency, perSource }: FairQueueOptions) {
  const waiting = new Map<string, (Job & { seq: number })[]>();
  const runningBy = new Map<string, number>();
  // When each source last got a turn: a source that just had one waits for the others.
  const servedAt = new Map<string, number>();
  let running = 0;
  let seq = 0;
  let turn = 0;

  /** The source whose turn it is: fewest checks running, then served longest ago (never, for a newcomer). */
  function nextSource(): string | undefined {
    let best: string | undefined;
    const rank = (source: string) => [
      runningBy.get(source) ?? 0,
      servedAt.get(source) ?? -1,
      waiting.get(source)![0]!.seq,
    ];
    for (const source of waiting.keys()) {
      if (best === undefined) {
        best = source;
        continue;
      }
      const [a, b] = [rank(source), rank(best)];
      if (a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!)))) best = source;
    }
    return best;
  }

  function next(): void {
    for (let source = nextSource(); running < concurrency && source !== undefined; source = nextSource()) {
      const jobs = waiting.get(source)!;
      const job = jobs.shift()!;
      if (jobs.length === 0) waiting.delete(source);
      running += 1;
      runningBy.set(source, (runningBy.get(source) ?? 0) + 1);
      servedAt.set(source, turn++);
      const done = () => {
        running -= 1;
        const left = runningBy.get(source)! - 1;
        if (left > 0) runningBy.set(source, left);
        else {
          runningBy.delete(source);
          if (!waiting.has(source)) servedAt.delete(source);
        }
        next();
      };
      job.run().then(job.resolve, job.reject).finally(done);
    }
  }

  return {
    run<T>(source: string, task: () => Promise<T>): Promise<T> {
      const jobs = waiting.get(source) ?? [];
      if (jobs.length >= perSource) return Promise.reject(new AppError('forbidden', tooManyAttempts));
      return new Promise<T>((resolve, reject) => {
        jobs.push({ run: task, resolve: resolve as (value: unknown) => void, reject, seq: seq++ });
        waiting.set(source, jobs);
        next();
      });
    },
    /** Checks waiting and running, for tests and the admin's view. */
    load: () => ({ running, waiting: [...waiting.values()].reduce((n, jobs) => n + jobs.length, 0) }),
  };
}
export type FairQueue = ReturnType<typeof createFairQueue>;
