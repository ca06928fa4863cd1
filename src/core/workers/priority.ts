import os from 'node:os';

/**
 * Lowers the calling worker thread below the thread that answers calls, so a teacher's save is never queued
 * behind a PDF or a backup's cipher on a machine with as many busy threads as cores. On Linux a nice value
 * belongs to one thread, so this lowers this thread only; elsewhere the same call would lower the whole
 * program, so there it is not made.
 */
export function lowerThisThread(nice: number): void {
  if (process.platform === 'linux') os.setPriority(0, nice);
}
