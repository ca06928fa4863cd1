import { parentPort } from 'node:worker_threads';
import { failureText } from './failure';

/** What a worker that runs one job answers (see runInWorker). */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

/** On a worker thread: runs its one job and answers with the value, or with the error's message. */
export async function answer<T>(job: () => T | Promise<T>): Promise<void> {
  let reply: Answer<T>;
  try {
    reply = { ok: true, value: await job() };
  } catch (e) {
    reply = { ok: false, message: failureText(e) };
  }
  parentPort!.postMessage(reply);
}
