import path from 'node:path';
import { app } from 'electron';

/**
 * `ZHURNAL_USER_DATA` puts this copy's journal, certificate and settings in another folder. The desktop test
 * (`npm run test:desktop`) starts the app on a fresh folder with it; a school can use it to keep a second,
 * separate journal (a demonstration copy) beside the real one. Must run before the single-instance lock, which
 * lives in the user-data folder.
 */
export function applyUserDataFolder(env: NodeJS.ProcessEnv = process.env): void {
  const folder = env['ZHURNAL_USER_DATA'];
  if (folder) app.setPath('userData', path.resolve(folder));
}
