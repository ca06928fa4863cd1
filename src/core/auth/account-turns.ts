import { AppError } from '../../shared/errors';
import { tooManyAttempts } from './fair-queue';

interface Waiter {
  source: string;
  go(): void;
}

/**
 * One password check per account at a time: the lock is read, the attempt counted, the password checked and the
 * outcome written before the next attempt on that account starts, so parallel guesses cannot all pass a lock
 * check made before any of them failed. The next turn goes to another source than the one just served when one
 * waits: a burst of guesses at a teacher's account does not make the teacher wait behind the whole burst. At most
 * `maxWaiting` wait per account and source; more are refused at once.
 */
export function createAccountTurns(maxWaiting: number) {
  const accounts = new Map<string, { busy: boolean; last: string | null; waiting: Waiter[] }>();

  function release(account: string) {
    const entry = accounts.get(account)!;
    const index = Math.max(
      0,
      entry.waiting.findIndex((w) => w.source !== entry.last),
    );
    const next = entry.waiting.splice(index, 1)[0];
    if (next) {
      entry.last = next.source;
      next.go();
    } else accounts.delete(account);
  }

  return {
    async run<T>(account: string, source: string, task: () => Promise<T>): Promise<T> {
      const entry = accounts.get(account) ?? { busy: false, last: null, waiting: [] };
      accounts.set(account, entry);
      if (entry.busy) {
        if (entry.waiting.filter((w) => w.source === source).length >= maxWaiting)
          throw new AppError('forbidden', tooManyAttempts);
        await new Promise<void>((go) => entry.waiting.push({ source, go }));
      } else {
        entry.busy = true;
        entry.last = source;
      }
      try {
        return await task();
      } finally {
        if (entry.waiting.length === 0) accounts.delete(account);
        else release(account);
      }
    },
  };
}
