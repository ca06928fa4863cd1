import type { Result } from '../../shared/errors';

/** What the Electron preload exposes; absent when the renderer is served to a browser by the host shell. */
export interface ZhurnalBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Electron only: the OS locked the screen. */
  onScreenLock?(listener: () => void): () => void;
}

declare global {
  interface Window {
    api?: ZhurnalBridge;
  }
}
