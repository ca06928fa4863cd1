import { createDispatcher, type Dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import type { Clock } from './clock';
import { openDatabase, type Db } from './db/open';
import { fontsDirFor } from './print/fonts';
import { createServices, type Services } from './services';

export interface CoreOptions {
  dbFile: string;
  migrationsFolder: string;
  clock: Clock;
  create?: boolean;
  /** The PT fonts for printing; by default found beside the migrations folder (see print/fonts.ts). */
  fontsDir?: string;
  logError?(error: unknown, channel: string): void;
}

export interface Core {
  db: Db;
  services: Services;
  dispatch: Dispatch;
  close(): void;
}

/** Opens the school's database and builds the services and the dispatcher every shell serves. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbFile, { migrationsFolder: options.migrationsFolder, create: options.create });
  const services = createServices({ db, clock: options.clock, fontsDir: () => options.fontsDir ?? fontsDirFor(options.migrationsFolder) });
  const dispatch = createDispatcher({
    handlers: createHandlers(services),
    resolveActor: (token) => services.auth.resolve(token),
    logError: options.logError,
  });
  return { db, services, dispatch, close: () => db.$client.close() };
}
