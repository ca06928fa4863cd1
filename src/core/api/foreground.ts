/**
 * The calls this thread is answering right now, so that background work can make way for them. A backup writes
 * hundreds of megabytes from this same thread: each of its writes, syncs and read-backs keeps a core and the
 * disk busy, and a teacher's save that came meanwhile waited behind them. Before each one, a backup asks for a
 * quiet moment; it never waits longer than it is told, so a server that is never quiet still gets its backup.
 */
export interface Foreground {
  /** A call starts being answered here. */
  enter(): void;
  /** It has its answer (or was handed to another thread). */
  leave(): void;
  /** Resolves when no call is being answered, or after `maxMs`, whichever comes first. */
  quiet(maxMs: number): Promise<void>;
}

export function createForeground(): Foreground {
  let busy = 0;
  let waiting: (() => void)[] = [];
  return {
    enter() {
      busy++;
    },
    leave() {
      if (--busy > 0) return;
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    },
    quiet(maxMs) {
      if (busy === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting = waiting.filter((w) => w !== done);
          resolve();
        };
        const timer = setTimeout(done, maxMs);
        waiting.push(done);
      });
    },
  };
}
