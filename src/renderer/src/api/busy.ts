import { AppError } from '../../../shared/errors';

/**
 * A call the server refused only because the database was busy (another program held its write lock longer
 * than the server waits) changed nothing, so it is sent again after a pause instead of being shown as a
 * failure: the value a teacher typed stays on the screen and reaches the database once the lock is free.
 */
export const busyRetryDelaysMs: readonly number[] = [500, 1000, 2000, 4000, 8000, 15_000];

export const isRetryable = (error: unknown): boolean =>
  error instanceof AppError && (error.details as { retryable?: unknown } | undefined)?.retryable === true;

type Listener = () => void;

/** How many calls are waiting to be sent again, for the notice that says the journal is saving. */
export function createBusyTracker() {
  let waiting = 0;
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());
  return {
    waiting: () => waiting,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Runs `call`, sending it again while the server says busy; the last refusal is thrown as it came. */
    async retry<T>(call: () => Promise<T>, delays: readonly number[] = busyRetryDelaysMs, wait = pause): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call();
        } catch (error) {
          const delay = delays[attempt];
          if (!isRetryable(error) || delay === undefined) throw error;
          waiting += 1;
          emit();
          try {
            await wait(delay);
          } finally {
            waiting -= 1;
            emit();
          }
        }
      }
    },
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The renderer's one tracker: every call goes through it (api/invoke.ts). */
export const busyCalls = createBusyTracker();
