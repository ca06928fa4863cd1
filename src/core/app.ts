import { createDispatcher, type Dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import type { Clock } from './clock';
import { openDatabase, type Db } from './db/open';
import path from 'node:path';
import { fontsDirFor } from './print/fonts';
import type { DesktopFiles } from './print/service';
import { createServices, type Services } from './services';

export interface CoreOptions {
  dbFile: string;
  migrationsFolder: string;
  clock: Clock;
  create?: boolean;
  /** The PT fonts for printing; by default found beside the migrations folder (see print/fonts.ts). */
  fontsDir?: string;
  /** Where printed books go; by default a «zhurnal-print» folder beside the database. */
  printDir?: () => string;
  /** The desktop shell's system viewer and printer (absent in the browser host). */
  desktop?: DesktopFiles;
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
  const services = createServices({
    db,
    clock: options.clock,
    fontsDir: () => options.fontsDir ?? fontsDirFor(options.migrationsFolder),
    printDir: options.printDir ?? (() => path.join(path.dirname(path.resolve(options.dbFile)), 'zhurnal-print')),
    desktop: options.desktop,
  });
  const dispatch = createDispatcher({
    handlers: createHandlers(services),
    resolveActor: (token) => services.auth.resolve(token),
    logError: options.logError,
  });
  return { db, services, dispatch, close: () => db.$client.close() };
}
