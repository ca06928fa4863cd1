import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { createCore, type Core } from '../core/app';
import { systemDriveLister } from '../core/backup/drives';
import { systemClock } from '../core/clock';
import type { ServedNetwork } from '../shared/contract/network';
import { desktopFiles } from './pdf-files';

export const databaseFileName = 'zhurnal.db';

export function databaseFile(): string {
  return path.join(app.getPath('userData'), databaseFileName);
}

/** The migrations are packaged as a resource beside app.asar, and sit in the checkout in development. */
export function migrationsFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'migrations');
}

/** Where printed books go, on the school's computer and on a client alike: where the secretary finds them. */
export const printFolder = () => path.join(app.getPath('documents'), 'Журнал');

/**
 * Opens the school's database (created on the first start) and builds the core. A failure is thrown for the
 * caller to explain (open-failure.ts): the file is left exactly as it was, never deleted or recreated, because
 * it may be the only copy of a school's marks.
 */
export function openLocalCore(options: { served?: () => ServedNetwork } = {}): Core {
  const file = databaseFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return createCore({
    dbFile: file,
    migrationsFolder: migrationsFolder(),
    clock: systemClock,
    create: true,
    owner: 'Журнал (настольное приложение)',
    printDir: printFolder,
    desktop: desktopFiles(),
    backup: { appVersion: app.getVersion(), listDrives: systemDriveLister },
    logError: (error, channel) => console.error(`[${channel}]`, error),
    served: options.served,
  });
}
