import type { Worker } from 'node:worker_threads';

/**
 * Requests to a thread that stays up for many of them (a backup's comparing thread, a drive's thread), each
 * answered by one message with the request's id. Once the thread ends, every request waiting and every later
 * one fails with `stoppedMessage`. The thread keeps the process alive only while a request waits: a command
 * line waits for its backup's drives, and for nothing else of it.
 */
export function asking<A extends { id: number }>(worker: Worker, stoppedMessage: string) {
  const pending = new Map<number, { resolve(answer: A): void; reject(e: Error): void }>();
  let next = 0;
  let ended: Error | null = null;
  const end = (error: Error) => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(ended);
    pending.clear();
  };
  worker.unref();
  worker.on('message', (answer: A) => {
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (pending.size === 0) worker.unref();
    waiting?.resolve(answer);
  });
  worker.on('error', end);
  worker.on('exit', () => end(new Error(stoppedMessage)));
  return {
    /** Sends the request made for the next id; resolves with the thread's answer to it. */
    ask(request: (id: number) => unknown): Promise<A> {
      if (ended) return Promise.reject(ended);
      const id = next++;
      return new Promise<A>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage(request(id));
      });
    },
    /** Requests sent and not yet answered. */
    waiting: () => pending.size,
  };
}
