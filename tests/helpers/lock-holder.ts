import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * Starts tests/fixtures/lock-holder.ts on `dbFile` (`mode`: ms to hold and leave the lock in turns, or 'hold')
 * and waits until it holds the lock; `stop()` ends it and gives its last line («held N» or «released»).
 */
export async function startLockHolder(dbFile: string, mode: number | 'hold') {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/lock-holder.ts', dbFile, String(mode)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = (await lines.next()).value;
  if (first !== 'ready') throw new Error(`the lock holder did not start: ${String(first)}`);
  return {
    async stop(): Promise<string> {
      const exited = once(child, 'exit');
      child.stdin!.end();
      const last = String((await lines.next()).value);
      await exited;
      return last;
    },
  };
}
