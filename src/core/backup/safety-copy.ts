import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Clock } from '../clock';
import type { EncryptionConfig } from './config';
import { manifestPathOf } from './manifest';
import { createBackup } from './run';

export interface SafetyCopy {
  file: string;
  /** Plain only because the school has no key yet: removed once the restore succeeded. */
  temporary: boolean;
}

/**
 * The copy of the live database kept in `before-restore/` before a restore replaces it: a backup like any
 * other (a consistent snapshot from the connection that writes, checked, with its manifest), encrypted to the
 * school's key, or plain where the school chose plain copies or has no key yet.
 */
export async function safetyCopy(options: {
  client: Database.Database;
  liveFile: string;
  encryption: EncryptionConfig | null;
  clock: Clock;
  appVersion: string;
  migrationsFolder: string;
}): Promise<SafetyCopy> {
  const dir = path.join(path.dirname(path.resolve(options.liveFile)), 'before-restore');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const outcome = await createBackup({
    source: { kind: 'connection', client: options.client },
    destinations: [dir],
    clock: options.clock,
    appVersion: options.appVersion,
    migrationsFolder: options.migrationsFolder,
    recipient: options.encryption?.recipient ?? null,
  });
  const result = outcome.results[0];
  if (!outcome.ok || !result?.file)
    throw new AppError('io', `Копия текущей базы перед восстановлением не создана: ${result?.message ?? ''}`);
  return { file: result.file, temporary: !options.encryption };
}

/** A temporary safety copy gone, with its manifest, once the restore it guarded succeeded. */
export function removeSafetyCopy(copy: SafetyCopy): void {
  fs.rmSync(copy.file, { force: true });
  fs.rmSync(manifestPathOf(copy.file), { force: true });
}
