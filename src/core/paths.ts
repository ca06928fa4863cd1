import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the app's own files are when it runs from a checkout or from `out/` (both two folders below the
 * root: src/cli, out/main). A packaged Electron app passes its resources path instead.
 */
export function appRoot(fromDir: string): string {
  let dir = fromDir;
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`Не найдена папка migrations рядом с ${fromDir}`);
}
