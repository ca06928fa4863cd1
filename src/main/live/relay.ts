import type { LiveMessage } from '../../shared/live';

/** How a session's stream stopped: the session ended or locked, the connection dropped, or no server answered. */
export type StreamEnd = 'ended' | 'dropped' | 'unreachable';

export interface ChangeSinkOfMain {
  message(message: LiveMessage): void;
  /** Called once; nothing more arrives after it. */
  closed(how: StreamEnd): void;
}

/** Where a window's changes come from: the school server's event stream, or the core of this computer. */
export interface ChangeSource {
  /** Opens the session's stream; returns the function that closes it (after which `sink` hears nothing). */
  open(token: string | null, sink: ChangeSinkOfMain): () => void;
}

/** A window as the relay knows it: Electron's webContents. */
export interface RelayTarget {
  id: number;
  send(channel: string, message: LiveMessage): void;
  isDestroyed(): boolean;
}

export interface RelayTiming {
  firstRetryMs: number;
  longestRetryMs: number;
}

const defaults: RelayTiming = { firstRetryMs: 1_000, longestRetryMs: 15_000 };

interface Watch {
  target: RelayTarget;
  token: string | null;
  close: (() => void) | null;
  retry: ReturnType<typeof setTimeout> | null;
  delay: number;
  /** Told the page the connection was lost (and whether as unreachable), so it is not told again each retry. */
  lost: false | 'lost' | 'unreachable';
  generation: number;
}

/**
 * Main's side of `window.api.onChanges`: while a page listens, its session's stream is open, and every message is
 * sent to that page only. A dropped stream is opened again after a growing pause, the page told `lost` (and once
 * no server answers, `unreachable`), so that the next `open` makes it ask for everything on screen again.
 * `source()` is read at every (re)connection, so a window follows the desktop app's switch between journals.
 */
export function createChangeRelay(
  channel: string,
  source: () => ChangeSource | null,
  timing: Partial<RelayTiming> = {},
) {
  const { firstRetryMs, longestRetryMs } = { ...defaults, ...timing };
  const watches = new Map<number, Watch>();

  const send = (w: Watch, message: LiveMessage) => {
    if (!w.target.isDestroyed()) w.target.send(channel, message);
  };

  const stop = (w: Watch) => {
    w.generation++;
    if (w.retry) clearTimeout(w.retry);
    w.retry = null;
    const close = w.close;
    w.close = null;
    close?.();
  };

  const open = (w: Watch) => {
    w.retry = null;
    const from = source();
    if (!from || w.token === null) return;
    const generation = ++w.generation;
    const current = () => w.generation === generation && watches.get(w.target.id) === w;
    const close = from.open(w.token, {
      message(message) {
        if (!current()) return;
        if (message.type === 'open') {
          w.delay = firstRetryMs;
          w.lost = false;
        }
        send(w, message);
      },
      closed(how) {
        if (!current()) return;
        w.generation++;
        w.close = null;
        if (how === 'ended') {
          send(w, { type: 'end' });
          return;
        }
        if (w.lost === false || (how === 'unreachable' && w.lost === 'lost')) {
          w.lost = how === 'unreachable' ? 'unreachable' : 'lost';
          send(w, how === 'unreachable' ? { type: 'lost', unreachable: true } : { type: 'lost' });
        }
        w.retry = setTimeout(() => open(w), w.delay);
        w.delay = Math.min(w.delay * 2, longestRetryMs);
      },
    });
    // The source may have closed already, from inside open (a session that ended).
    if (current()) w.close = close;
    else close();
  };

  return {
    /** The page started listening, in the session `token`. */
    watch(target: RelayTarget, token: string | null): void {
      const existing = watches.get(target.id);
      if (existing) stop(existing);
      const w: Watch = { target, token, close: null, retry: null, delay: firstRetryMs, lost: false, generation: 0 };
      watches.set(target.id, w);
      open(w);
    },
    /** The page's session changed (a login, a logout): its stream follows. */
    session(id: number, token: string | null): void {
      const w = watches.get(id);
      if (!w || w.token === token) return;
      stop(w);
      w.token = token;
      w.delay = firstRetryMs;
      w.lost = false;
      open(w);
    },
    /** The page stopped listening, or is gone. */
    unwatch(id: number): void {
      const w = watches.get(id);
      if (!w) return;
      stop(w);
      watches.delete(id);
    },
    /** Streams open now: for tests and for a clean quit. */
    get open(): number {
      return [...watches.values()].filter((w) => w.close !== null).length;
    },
    closeAll(): void {
      for (const id of [...watches.keys()]) this.unwatch(id);
    },
  };
}

export type ChangeRelay = ReturnType<typeof createChangeRelay>;
