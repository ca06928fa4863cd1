import fs from 'node:fs';
import path from 'node:path';
import { app, dialog } from 'electron';
import { createCore, type Core } from '../core/app';
import { systemDriveLister } from '../core/backup/drives';
import { systemClock } from '../core/clock';
import { openFailureDialog } from './open-failure';
import { desktopFiles } from './pdf-files';

export const databaseFileName = 'zhurnal.db';

export function databaseFile(): string {
  return path.join(app.getPath('userData'), databaseFileName);
}

/** The migrations are packaged as a resource beside app.asar, and sit in the checkout in development. */
export function migrationsFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'migrations');
}

/**
 * Opens the school's database (created on the first start) and builds the core. On failure it tells the
 * person why and quits: the file is left exactly as it was, never deleted or recreated, because it may be
 * the only copy of a school's marks.
 */
export function openCore(): Core | null {
  const file = databaseFile();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return createCore({
      dbFile: file,
      migrationsFolder: migrationsFolder(),
      clock: systemClock,
      create: true,
      owner: 'Журнал (настольное приложение)',
      // Printed books go where the secretary finds them; the fonts are packaged beside the migrations.
      printDir: () => path.join(app.getPath('documents'), 'Журнал'),
      desktop: desktopFiles(),
      backup: { appVersion: app.getVersion(), listDrives: systemDriveLister },
      logError: (error, channel) => console.error(`[${channel}]`, error),
    });
  } catch (error) {
    console.error(error);
    const { title, content } = openFailureDialog(error, file);
    dialog.showErrorBox(title, content);
    app.quit();
    return null;
  }
}
