import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const migrationsFolder = path.resolve('migrations');

/** A fresh folder under the system temp dir, removed after the file's tests. */
export function tempDir(prefix = 'zhurnal-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
