import type { ChangeEvent } from '../../shared/live';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { mayReceive, reshapes, type ReadableCache } from './audience';
import type { ChangeBus } from './bus';

export interface ChangeSink {
  change(event: ChangeEvent): void;
  /** The session ended or locked: the stream closes, and the screen finds out why by asking. */
  end(): void;
}

export interface ChangeStream {
  /** Reads the session again (a heartbeat): false, and the sink told to end, once it ended or locked. */
  check(): boolean;
  stop(): void;
}

export interface LiveFeed {
  /** A session's changes, filtered by what its user may read; null when the token opens no working session. */
  watch(token: string | null, sink: ChangeSink): ChangeStream | null;
}

export interface LiveFeedDeps {
  bus: ChangeBus;
  db(): Db;
  /** The school's date: a substitute reads a journal until the last lesson they give in it. */
  today(): string;
  /** The session's actor, looked up without counting as the user's activity. */
  peek(token: string | null): Actor | null;
  logError?(error: unknown, where: string): void;
}

/** A session that may read: signed in, not locked, past its first password change. */
const working = (actor: Actor | null) =>
  actor && !actor.sessionLocked && !actor.mustChangePassword && !actor.cli ? actor : null;

export function createLiveFeed(deps: LiveFeedDeps): LiveFeed {
  const peek = (token: string | null) => {
    try {
      return working(deps.peek(token));
    } catch (e) {
      // The database is being swapped (a restore): the stream ends and the screen reconnects to the new one.
      deps.logError?.(e, 'live:session');
      return null;
    }
  };
  return {
    watch(token, sink) {
      const first = peek(token);
      if (!first) return null;
      let actor: Actor = first;
      const readable: ReadableCache = { current: null };
      let open = true;
      const stop = () => {
        open = false;
        unsubscribe();
      };
      const check = () => {
        if (!open) return false;
        const now = peek(token);
        if (!now) {
          stop();
          sink.end();
          return false;
        }
        // What the actor may read changes with their roles; their journals and classes change only by changes
        // this feed hears of (reshapes) or with the date (audience.ts), so the sets are kept otherwise: sixty
        // screens dropping them at one heartbeat looked them all up again at the next save, at once.
        if (now.roles.join() !== actor.roles.join()) readable.current = null;
        actor = now;
        return true;
      };
      const unsubscribe = deps.bus.subscribe(({ changes, origin }) => {
        if (changes.some((c) => c.domain === 'sessions') && !check()) return;
        for (const change of changes) {
          if (change.domain === 'sessions' || !open) continue;
          if (reshapes(change)) readable.current = null;
          if (origin !== null && origin === token) continue;
          if (mayReceive(deps.db(), deps.today(), actor, change, readable)) sink.change(change);
        }
      });
      return { check, stop };
    },
  };
}
