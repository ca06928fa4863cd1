import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { LiveFeed } from '../core/live/feed';
import type { ChangeEvent } from '../shared/live';

export interface EventStreamLimits {
  /** A comment line this often keeps proxies and the browser from dropping a quiet stream; the session is re-read. */
  heartbeatMs: number;
  /** Streams open at once for one session (its tabs) and for one address (its computer's sessions). */
  perSession: number;
  perAddress: number;
  /** Changes waiting for a client that does not read: beyond this they are dropped for one «reload all». */
  backlog: number;
}

const defaults: EventStreamLimits = { heartbeatMs: 15_000, perSession: 4, perAddress: 32, backlog: 500 };

export interface EventStreams {
  /** `GET /api/events`: the session's changes as server-sent events. */
  mount(
    app: Hono,
    deps: {
      cookie: string;
      clientOf(c: Context): string;
      refuse(c: Context, kind: string, message: string, status: 401 | 429): Response;
    },
  ): void;
  readonly open: number;
  /** Ends every stream (the server is stopping): their connections close, so the server's close can finish. */
  closeAll(): Promise<void>;
}

/** A `change` event as writeSSE writes it; JSON has no line breaks, so the data is one line. */
const changeMessage = (event: ChangeEvent) => `event: change\ndata: ${JSON.stringify(event)}\n\n`;

function counter() {
  const counts = new Map<string, number>();
  return {
    count: (key: string) => counts.get(key) ?? 0,
    add(key: string, by: 1 | -1) {
      const next = (counts.get(key) ?? 0) + by;
      if (next > 0) counts.set(key, next);
      else counts.delete(key);
    },
  };
}

/**
 * One stream per tab that shows the journal: what changed (never the data), as the session's user may read it
 * (core/live/feed.ts). Events: `ready` once connected, `change` with a ChangeEvent, `reload` when changes were
 * dropped for a client that did not read them, `end` when the session ended or locked.
 */
export function createEventStreams(feed: LiveFeed, limits: Partial<EventStreamLimits> = {}): EventStreams {
  const { heartbeatMs, perSession, perAddress, backlog } = { ...defaults, ...limits };
  const sessions = counter();
  const addresses = counter();
  const running = new Set<{ stop(): void; finished: Promise<void> }>();
  // Once stopping, a client reconnecting over a kept-alive connection must not open a stream the close waits for.
  let closed = false;

  return {
    get open() {
      return running.size;
    },
    mount(app, deps) {
      app.get('/api/events', (c) => {
        const token = getCookie(c, deps.cookie) ?? null;
        const session = createHash('sha256')
          .update(token ?? '')
          .digest('hex');
        const address = deps.clientOf(c);
        if (closed) {
          c.header('Retry-After', '10');
          c.header('Connection', 'close');
          return c.text('Сервер останавливается', 503);
        }
        if (sessions.count(session) >= perSession || addresses.count(address) >= perAddress) {
          c.header('Retry-After', '10');
          return deps.refuse(c, 'forbidden', 'Слишком много открытых окон Журнала на этом компьютере.', 429);
        }
        const queue: ChangeEvent[] = [];
        let overflow = false;
        let ended = false;
        let stopped = false;
        let beat = false;
        let wake = () => {};
        const watching = feed.watch(token, {
          change(event) {
            if (queue.length >= backlog) {
              queue.length = 0;
              overflow = true;
            } else if (!overflow) queue.push(event);
            wake();
          },
          end() {
            ended = true;
            wake();
          },
        });
        if (!watching) return deps.refuse(c, 'unauthorized', 'Сеанс завершён: войдите в систему снова', 401);
        sessions.add(session, 1);
        addresses.add(address, 1);
        let finish = () => {};
        const entry = {
          stop() {
            stopped = true;
            wake();
          },
          finished: new Promise<void>((resolve) => (finish = resolve)),
        };
        running.add(entry);
        const heartbeat = setInterval(() => {
          beat = true;
          wake();
        }, heartbeatMs);
        return streamSSE(c, async (sse) => {
          sse.onAbort(() => entry.stop());
          try {
            await sse.writeSSE({ event: 'ready', data: '' });
            while (!stopped && !sse.aborted) {
              if (overflow) {
                overflow = false;
                await sse.writeSSE({ event: 'reload', data: '' });
              }
              // All the changes waiting, as one write: a chunk each costs a pass through the stream and a TLS
              // record each, times every screen open.
              const changes = queue.splice(0);
              if (changes.length > 0) await sse.write(changes.map(changeMessage).join(''));
              if (beat) {
                beat = false;
                if (watching.check()) await sse.write(': ♥\n\n');
              }
              if (ended) {
                await sse.writeSSE({ event: 'end', data: '' });
                break;
              }
              if (queue.length > 0 || overflow || beat || stopped) continue;
              await new Promise<void>((resolve) => (wake = resolve));
              wake = () => {};
            }
          } finally {
            clearInterval(heartbeat);
            watching.stop();
            sessions.add(session, -1);
            addresses.add(address, -1);
            running.delete(entry);
            finish();
          }
        });
      });
    },
    async closeAll() {
      closed = true;
      const all = [...running];
      for (const stream of all) stream.stop();
      await Promise.all(all.map((s) => s.finished));
    },
  };
}
