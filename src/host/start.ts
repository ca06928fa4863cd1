import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import type { Dispatch } from '../core/api/dispatch';
import type { LiveFeed } from '../core/live/feed';
import { createClientTracker, type ClientTracker, type ConnectedClient } from './clients';
import { createEventStreams, type EventStreamLimits } from './events';
import { isLoopback } from './guard';
import { listenPlain, listenSchool } from './listen';
import { createHostApp, type HostOptions } from './server';

export interface StartedHost {
  /** Where this computer opens it: http://127.0.0.1:PORT/, or the https address when bound to one interface. */
  url: string;
  port: number;
  /** Whether other computers are answered (over HTTPS), i.e. it listens beyond loopback. */
  network: boolean;
  /** The computers working with it now (clients.ts). */
  clients(): ConnectedClient[];
  close(): Promise<void>;
}

const socketOf = (c: unknown) => (c as { env: HttpBindings }).env.incoming.socket;

/** The host app as Node's request listener: the client's address and whether it came over TLS, from its socket. */
export function hostListener(
  options: Pick<HostOptions, 'dispatch' | 'rendererDir' | 'schoolNetwork' | 'hostNames' | 'rateLimit' | 'events'>,
) {
  const app = createHostApp({
    events: options.events,
    dispatch: options.dispatch,
    rendererDir: options.rendererDir,
    schoolNetwork: options.schoolNetwork,
    hostNames: options.hostNames,
    rateLimit: options.rateLimit,
    clientAddress: (c) => socketOf(c).remoteAddress ?? 'unknown',
    encrypted: (c) => (socketOf(c) as Partial<TLSSocket>).encrypted === true,
  });
  return getRequestListener(app.fetch);
}

/**
 * Listens on 127.0.0.1 unless told otherwise: the school's network sees the journal only when the admin says
 * so. Bound beyond loopback it needs the server's certificate: other computers get HTTPS only (listen.ts).
 */
export async function startHost(
  options: {
    dispatch: Dispatch;
    rendererDir?: string;
    port?: number;
    host?: string;
    tls?: { keyPem: string; certPem: string };
    /** The core's change feed (core.live): served as `GET /api/events`, so other screens update live. */
    live?: LiveFeed;
    liveLimits?: Partial<EventStreamLimits>;
    /** Counts the connected computers; a test gives its own clock. */
    clients?: ClientTracker;
  } & Pick<HostOptions, 'schoolNetwork' | 'hostNames' | 'rateLimit'>,
): Promise<StartedHost> {
  const events = options.live && createEventStreams(options.live, options.liveLimits);
  const answer = hostListener({ ...options, events });
  const clients = options.clients ?? createClientTracker();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    clients.observe(req, res);
    return answer(req, res);
  };
  const hostname = options.host ?? '127.0.0.1';
  const local = isLoopback(hostname) || hostname === 'localhost';
  if (!local && !options.tls) throw new Error('The host needs its certificate to listen beyond this computer');
  const listening = local
    ? await listenPlain(listener, options.port ?? 0, hostname)
    : await listenSchool(listener, options.tls!, options.port ?? 0, hostname);
  const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
  const everywhere = hostname === '0.0.0.0' || hostname === '::';
  const url =
    local || everywhere
      ? `http://${everywhere ? '127.0.0.1' : shown}:${listening.port}/`
      : `https://${shown}:${listening.port}/`;
  const close = async () => {
    // An open event stream never ends by itself: ended first, its connection is idle when the server closes.
    await events?.closeAll();
    await new Promise((resolve) => setImmediate(resolve));
    await listening.close();
  };
  return { url, port: listening.port, network: !local, clients: clients.connected, close };
}
