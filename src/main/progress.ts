import type { WebContents } from 'electron';
import { progressChannel, type ProgressEvent } from '../preload/protocol';

/** Tells a window how far a long task has got; a closed window is simply skipped. */
export function sendProgress(target: WebContents, progress: ProgressEvent): void {
  if (!target.isDestroyed()) target.send(progressChannel, progress);
}
