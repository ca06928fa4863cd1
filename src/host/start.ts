import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import type { Dispatch } from '../core/api/dispatch';
import { createHostApp, type HostOptions } from './server';

export interface StartedHost {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 unless told otherwise: the school's network sees the journal only when the admin says so. */
export function startHost(
  options: { dispatch: Dispatch; rendererDir?: string; port?: number; host?: string } & Pick<HostOptions, 'schoolNetwork' | 'hostNames' | 'rateLimit'>,
): Promise<StartedHost> {
  const app = createHostApp({
    dispatch: options.dispatch,
    rendererDir: options.rendererDir,
    schoolNetwork: options.schoolNetwork,
    hostNames: options.hostNames,
    rateLimit: options.rateLimit,
    clientAddress: (c) => (c as { env: HttpBindings }).env.incoming.socket.remoteAddress ?? 'unknown',
  });
  const hostname = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${info.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on('error', reject);
  });
}
