import type { Result } from '../shared/errors';
import type { LiveMessage } from '../shared/live';
import type { ProgressEvent } from './protocol';

export type { ProgressEvent } from './protocol';

/** `window.api` as the renderer sees it: the contract's calls and progress events, nothing else. */
export interface ZhurnalApi {
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Returns the function that unsubscribes. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** The OS screen lock; returns the function that unsubscribes. */
  onScreenLock(listener: () => void): () => void;
  /** What other computers saved, relayed by main while subscribed; returns the function that unsubscribes. */
  onChanges(listener: (message: LiveMessage) => void): () => void;
}
