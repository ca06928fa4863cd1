import type { IncomingMessage, ServerResponse } from 'node:http';
import { computerHeader } from '../shared/computer';
import { computerNameOf } from './computer';

/** A computer working with the journal now: an open change stream, or a call within the last minutes. */
export interface ConnectedClient {
  /** The address the server saw. */
  address: string;
  /** The name its desktop app gave (browsers give none). */
  name: string | null;
  /** Its screens keep an event stream open (a window or a tab with the journal). */
  live: boolean;
}

export interface ClientTrackerOptions {
  /** A computer without an open stream counts as connected this long after its last request. */
  recentMs?: number;
  now?(): number;
}

interface Seen {
  address: string;
  name: string | null;
  streams: number;
  lastSeen: number;
}

/**
 * Which computers are connected to the server, per address: for «Школьная сеть» (addresses and names) and for the
 * tray's «Выйти», which asks first only when quitting would cut someone off.
 */
export function createClientTracker(options: ClientTrackerOptions = {}) {
  const recentMs = options.recentMs ?? 3 * 60_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, Seen>();

  return {
    /** Every request the server answers, as Node gives it. */
    observe(req: IncomingMessage, res: ServerResponse): void {
      const address = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.)/, '');
      let entry = seen.get(address);
      if (!entry) {
        entry = { address, name: null, streams: 0, lastSeen: now() };
        seen.set(address, entry);
      }
      const said = req.headers[computerHeader];
      if (typeof said === 'string') entry.name = computerNameOf(said) || entry.name;
      entry.lastSeen = now();
      if (req.method === 'GET' && /^\/api\/events(\?|$)/.test(req.url ?? '')) {
        const counted = entry;
        counted.streams++;
        res.once('close', () => {
          counted.streams--;
          counted.lastSeen = now();
        });
      }
    },
    connected(): ConnectedClient[] {
      const list: ConnectedClient[] = [];
      for (const [address, entry] of seen) {
        const live = entry.streams > 0;
        if (!live && now() - entry.lastSeen > recentMs) {
          seen.delete(address);
          continue;
        }
        list.push({ address, name: entry.name, live });
      }
      return list.sort((a, b) => a.address.localeCompare(b.address));
    },
  };
}

export type ClientTracker = ReturnType<typeof createClientTracker>;
