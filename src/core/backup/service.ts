import { namesNetworkShare, networkMountOf } from './mounts';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BackupRunRecord, BackupStatus } from '../../shared/contract/backup';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import { createAuditService, type AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { sessions, settings } from '../db/schema';
import { fontsDirFor } from '../print/fonts';
import { identitiesFrom, lockedKeyFile, type KeyInput } from './backup-key';
import { backupConfig } from './config';
import { paperKeyPdf } from './paper-key-pdf';
import { generateSchoolKey, keyFileText } from './school-key';
import { nodeFs, type BackupFs } from './fsops';
import type { DetectedDrive } from './mounts';
import { restoreBackup } from './restore';
import { createBackup, type BackupOutcome, type BackupSource } from './run';
import { isDailyDue, stalenessWarning } from './schedule';
import { safetyCopy } from './safety-copy';
import { destinationStatus, listBackups } from './status';
import { mediaWarnings } from './media';
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
  /** Where the paper key's fonts are (the print fonts). */
  fontsDir?(): string;
  /** scrypt work factor of the paper key's passphrase file; tests lower it. */
  workFactor?: number;
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

export type BackupReason = BackupRunRecord['reason'];
export type BackupService = ReturnType<typeof createBackupService>;

const busy = () =>
  new AppError('conflict', 'Резервная копия уже создаётся: дождитесь её окончания', { refusal: 'busy' });

export const noKeyWarning =
  'Резервные копии не создаются: создайте ключ шифрования копий на экране «Резервные копии» (или выберите копии без шифрования)';

/** What the screen sends to open an encrypted copy: the paper key typed, or its file (base64), or a passphrase. */
export interface KeyFields {
  key?: string;
  keyFile?: string;
  passphrase?: string;
}
const keyInput = (input: KeyFields): KeyInput => ({
  key: input.key,
  keyFile: input.keyFile ? Buffer.from(input.keyFile, 'base64') : null,
  passphrase: input.passphrase,
});

/** Copies go to drives of the computer that holds the database: a share elsewhere puts the school's data there. */
const networkRefusal = (where: string) =>
  `«${where}» — сетевая папка. Резервные копии пишутся только на диски этого компьютера (второй диск, флешка): на сетевой папке они доступны и другим компьютерам. Выберите локальный носитель.`;

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
    /**
     * A folder written besides the destinations, not counted as the school's copies (before-update/): once the
     * copy is there, a snapshot source (the plain one taken before a migration) is removed.
     */
    beside: string | null = null,
  ): Promise<BackupOutcome> {
    const destinations = config.destinations();
    if (destinations.length === 0 && !beside)
      throw new AppError('validation', 'Добавьте хотя бы одну папку или носитель для резервных копий');
    if (runtime.running || runtime.restoring) throw busy();
    const startedAt = localTimestamp(clock.now());
    const state = {
      startedAt,
      stage: 'snapshot' as const,
      destinations: destinations.map((d) => ({ path: path.resolve(d.path), written: 0, total: null })),
    };
    runtime.running = state;
    const run = record(reason, source, destinations, startedAt, beside);
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
    beside: string | null,
  ): Promise<BackupOutcome> {
    try {
      const encryption = config.encryption();
      // A scheduled backup needs no secret, but it needs the school's choice: its key, or plain copies.
      if (!encryption) throw new AppError('validation', noKeyWarning);
      const outcome = await createBackup({
        source,
        destinations: [...destinations.map((d) => d.path), ...(beside ? [beside] : [])],
        clock,
        appVersion: env.appVersion,
        migrationsFolder: env.migrationsFolder,
        recipient: encryption.recipient,
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
      if (source.kind === 'snapshot' && beside && byDir.get(path.resolve(beside))?.ok)
        fs.rmSync(source.file, { force: true });
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

  function encryptionStatus(): BackupStatus['encryption'] {
    const e = config.encryption();
    if (!e) return { mode: 'missing', recipient: null, since: null };
    return { mode: e.recipient ? 'key' : 'none', recipient: e.recipient, since: e.createdAt };
  }

  function schoolName(): string | null {
    const row = db.select().from(settings).where(eq(settings.key, 'school.name')).get();
    try {
      return row ? (JSON.parse(row.value) as string) : null;
    } catch {
      return null;
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
        encryption: encryptionStatus(),
        lastGoodAt: good ? localTimestamp(good) : null,
        warning: config.encryption() ? stalenessWarning(good, clock.now()) : noKeyWarning,
        mediaWarnings: mediaWarnings(env.liveFile, destinations),
        running: runtime.running,
        runs,
      };
    },

    warning: () => (config.encryption() ? stalenessWarning(lastGood(), clock.now()) : noKeyWarning),

    mediaWarnings: () => mediaWarnings(env.liveFile, config.destinations()),

    addDestination(actor: Actor, input: { path: string; label?: string }): void {
      if (namesNetworkShare(input.path)) throw new AppError('validation', networkRefusal(input.path));
      const dir = path.resolve(input.path);
      if (!path.isAbsolute(input.path)) throw new AppError('validation', 'Укажите полный путь к папке');
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
        throw new AppError('validation', `Папка не найдена: ${dir}`);
      if (
        process.platform === 'linux' &&
        networkMountOf(fs.realpathSync(dir), fs.readFileSync('/proc/self/mounts', 'utf8'))
      )
        throw new AppError('validation', networkRefusal(dir));
      const list = config.destinations();
      if (list.some((d) => path.resolve(d.path) === dir))
        throw new AppError('conflict', 'Эта папка уже в списке', { refusal: 'exists' });
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

    /**
     * Makes the school's key: the recipient is kept, the identity is handed out once — as the paper key's page,
     * its text, and (with a passphrase) its protected file — and forgotten. Replacing a key, or one chosen
     * plain copies, takes the admin's password.
     */
    async createKey(actor: Actor, input: { password?: string; passphrase?: string | null }) {
      // The dispatcher checks a given password (the channel's step-up); replacing a key requires one.
      if (config.encryption() && !input.password)
        throw new AppError('validation', 'Введите свой пароль, чтобы заменить ключ');
      const key = await generateSchoolKey();
      const createdAt = localTimestamp(clock.now());
      const fontsDir = env.fontsDir?.() ?? fontsDirFor(env.migrationsFolder);
      const pdf = await paperKeyPdf({ key, schoolName: schoolName(), createdAt, fontsDir });
      const keyFile = input.passphrase ? await lockedKeyFile(key, createdAt, input.passphrase, env.workFactor) : null;
      config.setEncryption({ recipient: key.recipient, createdAt });
      // The public key only: the identity goes nowhere but to the screen that asked for it.
      audit.record({
        userId: actor.userId,
        action: 'backup.key_create',
        entity: 'backup',
        newValue: { recipient: key.recipient },
      });
      return {
        recipient: key.recipient,
        identity: key.identity,
        pdf: Buffer.from(pdf).toString('base64'),
        keyFile: keyFile ? keyFile.toString('base64') : null,
        keyText: keyFileText(key, createdAt),
      };
    },

    /** Copies without encryption: only as an explicit choice (the channel's step-up checked the admin's password). */
    chooseUnencrypted(actor: Actor) {
      const before = config.encryption();
      config.setEncryption({ recipient: null, createdAt: localTimestamp(clock.now()) });
      audit.record({
        userId: actor.userId,
        action: 'backup.encryption_off',
        entity: 'backup',
        oldValue: before ? { recipient: before.recipient } : null,
      });
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
    async verify(input: { file: string } & KeyFields) {
      const verified = await verifyBackup(input.file, {
        identities: await identitiesFrom(keyInput(input)),
        migrationsFolder: env.migrationsFolder,
        workDir: env.workDir,
      });
      return { ...verified, createdAt: verified.manifest?.createdAt ?? null };
    },

    async restore(actor: Actor, input: { file: string; password: string; acceptAlteredLog: boolean } & KeyFields) {
      if (runtime.running || runtime.restoring) throw busy();
      const identities = await identitiesFrom(keyInput(input));
      // The school's paper key (typed, or from its file: an AGE-SECRET-KEY string), not an old copy's passphrase
      // (an scrypt identity): the paper key is what the director keeps in the safe.
      if (input.acceptAlteredLog && !identities.some((identity) => typeof identity === 'string')) {
        throw new AppError(
          'validation',
          'Восстановить копию с изменённым журналом действий можно только с бумажным ключом школы: введите его или выберите файл ключа',
        );
      }
      runtime.restoring = true;
      const reopened: { db: Db | null } = { db: null };
      const kept = config.snapshot();
      try {
        const restored = await restoreBackup({
          file: input.file,
          identities,
          liveFile: env.liveFile,
          migrationsFolder: env.migrationsFolder,
          clock,
          acceptAlteredLog: input.acceptAlteredLog,
          takeSafetyCopy: () =>
            safetyCopy({
              client: db.$client,
              liveFile: env.liveFile,
              encryption: config.encryption(),
              clock,
              appVersion: env.appVersion,
              migrationsFolder: env.migrationsFolder,
            }),
          release: env.release,
          reacquire: () => {
            reopened.db = env.reacquire();
          },
        });
        const now = reopened.db!;
        // Sessions saved in the backup must not come back to life: everybody logs in again.
        now.delete(sessions).run();
        // The drives, schedule, key and history belong to this installation, not to the data restored:
        // without this, the restored file would forget the backup it came from and warn that none was made.
        backupConfig(now).restoreSnapshot(kept);
        // In the restored database; the admin may not exist there, so the login is written, not the id.
        createAuditService({ db: now, clock }).record({
          userId: null,
          action: 'backup.restore',
          entity: 'backup',
          newValue: { file: input.file, by: actor.login, safetyCopy: restored.safetyCopy, auditChain: restored.chain },
        });
        return { summary: restored.verified.summary, safetyCopy: restored.safetyCopy };
      } finally {
        runtime.restoring = false;
      }
    },
  };
}
