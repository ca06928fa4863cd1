import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BackupRunRecord, BackupStatus } from '../../shared/contract/backup';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import { createAuditService, type AuditService } from '../audit/service';
import { verifyPassword } from '../auth/password';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { sessions, users } from '../db/schema';
import { backupConfig } from './config';
import { nodeFs, type BackupFs } from './fsops';
import type { DetectedDrive } from './mounts';
import { restoreBackup } from './restore';
import { createBackup, type BackupOutcome, type BackupSource } from './run';
import { isDailyDue, stalenessWarning } from './schedule';
import { snapshotFromConnection } from './safety-copy';
import { destinationStatus, listBackups } from './status';
import { verifyBackup } from './verify';

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
  /** scrypt work factor; tests lower it. */
  workFactor?: number;
}

/**
 * For services built on a bare connection (a CLI command, a test): backups work, a restore does not, since
 * nothing here could reopen the file for the callers.
 */
export function detachedBackupEnv(db: Db): BackupEnv {
  const refuse = () => {
    throw new AppError('conflict', 'Восстановление доступно только в запущенном Журнале или командой zhurnal restore');
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

export type BackupReason = BackupRunRecord['reason'];
export type BackupService = ReturnType<typeof createBackupService>;

const busy = () => new AppError('conflict', 'Резервная копия уже создаётся: дождитесь её окончания');

export function createBackupService({
  db,
  clock,
  audit,
  env,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  env: BackupEnv;
}) {
  const config = backupConfig(db);
  const fsOps = env.fs ?? nodeFs;
  const runtime = env.runtime;

  /** Runs one backup to every destination and records it; resolves when it is over. */
  async function backup(
    reason: BackupReason,
    source: BackupSource = { kind: 'connection', client: db.$client },
  ): Promise<BackupOutcome> {
    const destinations = config.destinations();
    if (destinations.length === 0)
      throw new AppError('validation', 'Добавьте хотя бы одну папку или носитель для резервных копий');
    if (runtime.running || runtime.restoring) throw busy();
    const startedAt = localTimestamp(clock.now());
    const state = {
      startedAt,
      stage: 'snapshot' as const,
      destinations: destinations.map((d) => ({ path: path.resolve(d.path), written: 0, total: null })),
    };
    runtime.running = state;
    const run = record(reason, source, destinations, startedAt);
    runtime.finished = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async function record(
    reason: BackupReason,
    source: BackupSource,
    destinations: ReturnType<typeof config.destinations>,
    startedAt: string,
  ): Promise<BackupOutcome> {
    try {
      const outcome = await createBackup({
        source,
        destinations: destinations.map((d) => d.path),
        clock,
        appVersion: env.appVersion,
        migrationsFolder: env.migrationsFolder,
        passphrase: config.passphrase(),
        workFactor: env.workFactor,
        fs: fsOps,
        retention: config.retention(),
        onProgress: (p) => {
          runtime.running = {
            ...runtime.running!,
            stage: p.stage,
            destinations: runtime.running!.destinations.map((d) =>
              d.path === p.destination ? { ...d, written: p.written ?? 0, total: p.total ?? null } : d,
            ),
          };
        },
      });
      const byDir = new Map(outcome.results.map((r) => [r.dir, r]));
      // Runs are started by the schedule, the exit or a button: the log says which, not who.
      audit.record({
        userId: null,
        action: 'backup.run',
        entity: 'backup',
        entityId: outcome.manifest.file,
        newValue: {
          reason,
          ok: outcome.ok,
          written: outcome.results.filter((r) => r.ok).length,
          destinations: destinations.length,
        },
      });
      config.addRun({
        at: startedAt,
        reason,
        ok: outcome.ok,
        file: outcome.manifest.file,
        results: destinations.map((d) => {
          const r = byDir.get(path.resolve(d.path));
          return { path: d.path, ok: r?.ok ?? false, message: r?.message ?? 'Не записана' };
        }),
      });
      return outcome;
    } catch (error) {
      const message = error instanceof AppError ? error.message : `Копия не создана: ${(error as Error).message}`;
      config.addRun({
        at: startedAt,
        reason,
        ok: false,
        file: null,
        results: destinations.map((d) => ({ path: d.path, ok: false, message })),
      });
      audit.record({
        userId: null,
        action: 'backup.run',
        entity: 'backup',
        newValue: { reason, ok: false, written: 0, destinations: destinations.length },
        reason: message,
      });
      throw error;
    } finally {
      runtime.running = null;
    }
  }

  function lastGood(): Date | null {
    const run = config.runs().find((r) => r.results.some((x) => x.ok));
    return run ? new Date(run.at.replace(' ', 'T')) : null;
  }

  return {
    backup,
    config,

    async status(): Promise<BackupStatus> {
      const destinations = config.destinations();
      const runs = config.runs();
      const drives = (await env.listDrives?.().catch(() => [])) ?? [];
      const good = lastGood();
      return {
        destinations: await Promise.all(destinations.map((d) => destinationStatus(fsOps, d, runs))),
        detected: drives.filter((d) => !destinations.some((x) => path.resolve(x.path) === path.resolve(d.path))),
        schedule: config.schedule(),
        retention: config.retention(),
        passphraseSet: config.passphrase() !== null,
        lastGoodAt: good ? localTimestamp(good) : null,
        warning: stalenessWarning(good, clock.now()),
        running: runtime.running,
        runs,
      };
    },

    warning: () => stalenessWarning(lastGood(), clock.now()),

    addDestination(actor: Actor, input: { path: string; label?: string }): void {
      const dir = path.resolve(input.path);
      if (!path.isAbsolute(input.path) && !input.path.startsWith('\\\\'))
        throw new AppError('validation', 'Укажите полный путь к папке');
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
        throw new AppError('validation', `Папка не найдена: ${dir}`);
      const list = config.destinations();
      if (list.some((d) => path.resolve(d.path) === dir)) throw new AppError('conflict', 'Эта папка уже в списке');
      if (path.dirname(path.resolve(env.liveFile)) === dir) {
        throw new AppError(
          'validation',
          'Копия в папке самой базы не спасёт при поломке диска: выберите другой носитель',
        );
      }
      config.setDestinations([...list, { path: dir, label: input.label?.trim() || path.basename(dir) || dir }]);
      audit.record({
        userId: actor.userId,
        action: 'backup.destination_add',
        entity: 'backup',
        newValue: { path: dir },
      });
    },

    removeDestination(actor: Actor, input: { path: string }): void {
      const list = config.destinations();
      const left = list.filter((d) => d.path !== input.path);
      if (left.length === list.length) throw new AppError('not_found', 'Такой папки нет в списке');
      config.setDestinations(left);
      audit.record({
        userId: actor.userId,
        action: 'backup.destination_remove',
        entity: 'backup',
        oldValue: { path: input.path },
      });
    },

    setSchedule(actor: Actor, input: BackupStatus['schedule']): void {
      audit.record({
        userId: actor.userId,
        action: 'backup.schedule',
        entity: 'backup',
        oldValue: config.schedule(),
        newValue: input,
      });
      config.setSchedule(input);
    },

    setRetention(actor: Actor, input: BackupStatus['retention']): void {
      audit.record({
        userId: actor.userId,
        action: 'backup.retention',
        entity: 'backup',
        oldValue: config.retention(),
        newValue: input,
      });
      config.setRetention(input);
    },

    /** The passphrase itself never goes to the audit log: only that it was set or removed. */
    setPassphrase(actor: Actor, passphrase: string | null): void {
      audit.record({
        userId: actor.userId,
        action: passphrase ? 'backup.passphrase_set' : 'backup.passphrase_clear',
        entity: 'backup',
      });
      config.setPassphrase(passphrase);
    },

    /** Starts a backup in the background: the screen follows it through status(). */
    start(reason: BackupReason): string {
      if (config.destinations().length === 0)
        throw new AppError('validation', 'Добавьте хотя бы одну папку или носитель для резервных копий');
      if (runtime.running || runtime.restoring) throw busy();
      const startedAt = localTimestamp(clock.now());
      // The outcome is recorded by backup() itself; a failure before any copy is recorded there too.
      void backup(reason).catch(() => undefined);
      return startedAt;
    },

    /** Resolves once no backup is running (at once when none is): what a closing shell or a test waits for. */
    whenIdle: (): Promise<void> => (runtime.running ? (runtime.finished ?? Promise.resolve()) : Promise.resolve()),

    /** A backup or a restore is under way: a scheduler's tick has nothing to do. */
    isBusy: () => runtime.running !== null || runtime.restoring,

    isDailyDue: () =>
      isDailyDue(
        config.schedule(),
        clock.now(),
        config.runs()[0] ? new Date(config.runs()[0]!.at.replace(' ', 'T')) : null,
      ),

    list: () => listBackups(config.destinations()),

    /** The screen's check of a copy: what verifyBackup says, and when the copy was made (null when unreadable). */
    async verify(input: { file: string; passphrase?: string }) {
      const verified = await verifyBackup(input.file, {
        passphrase: input.passphrase || config.passphrase(),
        migrationsFolder: env.migrationsFolder,
        workDir: env.workDir,
      });
      return { ...verified, createdAt: verified.manifest?.createdAt ?? null };
    },

    async restore(actor: Actor, input: { file: string; passphrase?: string; password: string }) {
      const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
      if (!user || !(await verifyPassword(input.password, user.passwordHash)))
        throw new AppError('validation', 'Неверный пароль администратора');
      if (runtime.running || runtime.restoring) throw busy();
      runtime.restoring = true;
      const reopened: { db: Db | null } = { db: null };
      const kept = config.snapshot();
      try {
        const restored = await restoreBackup({
          file: input.file,
          passphrase: input.passphrase || config.passphrase(),
          liveFile: env.liveFile,
          migrationsFolder: env.migrationsFolder,
          clock,
          safetyDir: path.join(path.dirname(path.resolve(env.liveFile)), 'before-restore'),
          takeSafetyCopy: (dest) => snapshotFromConnection(db.$client, dest),
          release: env.release,
          reacquire: () => {
            reopened.db = env.reacquire();
          },
        });
        const now = reopened.db!;
        // Sessions saved in the backup must not come back to life: everybody logs in again.
        now.delete(sessions).run();
        // The drives, schedule, passphrase and history belong to this installation, not to the data restored:
        // without this, the restored file would forget the backup it came from and warn that none was made.
        backupConfig(now).restoreSnapshot(kept);
        // In the restored database; the admin may not exist there, so the login is written, not the id.
        createAuditService({ db: now, clock }).record({
          userId: null,
          action: 'backup.restore',
          entity: 'backup',
          newValue: { file: input.file, by: actor.login, safetyCopy: restored.safetyCopy },
        });
        return { summary: restored.verified.summary, safetyCopy: restored.safetyCopy };
      } finally {
        runtime.restoring = false;
      }
    },
  };
}
