/// <reference types="vite/client" />
import type { Result } from '../../shared/errors';
import type { LiveMessage } from '../../shared/live';

/** What the Electron preload exposes; absent when the renderer is served to a browser by the host shell. */
export interface ZhurnalBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Electron only: the OS locked the screen. */
  onScreenLock?(listener: () => void): () => void;
  /**
   * The server's change stream, forwarded by main (the desktop client); returns the function that unsubscribes.
   * Absent: a desktop window gets no live changes, a browser reads `/api/events` itself (api/changes.ts).
   */
  onChanges?(listener: (message: LiveMessage) => void): () => void;
}

declare global {
  interface Window {
    api?: ZhurnalBridge;
  }
}
