import type { BackupStatus } from '../../shared/contract/backup';
import { AppError } from '../../shared/errors';
import type { AuditService } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { backupConfig } from './config';
import type { BackupFs } from './fsops';
import type { DetectedDrive } from './mounts';

/** What lives as long as the process, across the database being swapped by a restore. */
export interface BackupRuntime {
  running: BackupStatus['running'];
  restoring: boolean;
  /** Settles when the backup under way (if any) has ended, whatever its outcome. */
  finished?: Promise<void>;
}

export interface BackupEnv {
  liveFile: string;
  migrationsFolder: string;
  appVersion: string;
  runtime: BackupRuntime;
  /** Closes the live database, and opens it again (with fresh services) after a restore's swap. */
  release(): void | Promise<void>;
  reacquire(): Db;
  listDrives?(): Promise<DetectedDrive[]>;
  workDir?: string;
  fs?: BackupFs;
  /** Where the paper key's fonts are (the print fonts). */
  fontsDir?(): string;
  /** scrypt work factor of the paper key's passphrase file; tests lower it. */
  workFactor?: number;
  /** Waits (at most `maxMs`) while calls are being answered on this thread: see api/foreground.ts. */
  makeWay?(maxMs: number): Promise<void>;
}

/**
 * For services built on a bare connection (a CLI command, a test): backups work, a restore does not, since
 * nothing here could reopen the file for the callers.
 */
export function detachedBackupEnv(db: Db): BackupEnv {
  const refuse = () => {
    throw new AppError('conflict', 'Восстановление доступно только в запущенном Журнале или командой zhurnal restore', {
      refusal: 'desktop_only',
    });
  };
  return {
    liveFile: db.$client.name,
    migrationsFolder: '',
    appVersion: 'dev',
    runtime: { running: null, restoring: false },
    release: refuse,
    reacquire: refuse,
  };
}

/** What the backup service's parts (runs, key, restore) share. */
export interface BackupContext {
  db: Db;
  clock: Clock;
  audit: AuditService;
  env: BackupEnv;
  config: ReturnType<typeof backupConfig>;
  fsOps: BackupFs;
  runtime: BackupRuntime;
}

export const busy = () =>
  new AppError('conflict', 'Резервная копия уже создаётся: дождитесь её окончания', { refusal: 'busy' });

export const noKeyWarning =
  'Резервные копии не создаются: создайте ключ шифрования копий на экране «Резервные копии» (или выберите копии без шифрования)';
