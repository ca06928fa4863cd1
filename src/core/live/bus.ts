import type { Published } from './changes';

/** One committed call's changes, with the session that made them (its own screen already shows them). */
export interface ChangeBatch {
  changes: readonly Published[];
  origin: string | null;
}

export interface ChangeBus {
  publish(batch: ChangeBatch): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (batch: ChangeBatch) => void): () => void;
}

/**
 * The core's one channel for «something changed», made in createCore and kept across a restore. In process
 * and synchronous: a listener (a session's stream) only filters and queues, it never waits for a socket.
 */
export function createChangeBus(logError?: (error: unknown, where: string) => void): ChangeBus {
  const listeners = new Set<(batch: ChangeBatch) => void>();
  return {
    publish(batch) {
      if (batch.changes.length === 0) return;
      for (const listener of [...listeners]) {
        try {
          listener(batch);
        } catch (e) {
          logError?.(e, 'live:publish');
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
