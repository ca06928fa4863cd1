import fs from 'node:fs';
import path from 'node:path';
import type { BackupRunRecord } from '../../shared/contract/backup';
import { AppError } from '../../shared/errors';
import { localTimestamp } from '../clock';
import { createBackup, type BackupOutcome, type BackupSource } from './run';
import { isDailyDue } from './schedule';
import { busy, noKeyWarning, type BackupContext } from './service-env';

export type BackupReason = BackupRunRecord['reason'];

/** The backup runs: one at a time, each recorded in the history and the audit log, started now or in the background. */
export function backupRuns({ db, clock, audit, env, config, runtime }: BackupContext) {
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
        fs: env.fs,
        makeWay: env.makeWay,
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

  function lastGood(): Date | null {
    const run = config.runs().find((r) => r.results.some((x) => x.ok));
    return run ? new Date(run.at.replace(' ', 'T')) : null;
  }

  return {
    backup,
    lastGood,

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
  };
}
