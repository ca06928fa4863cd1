import { namesNetworkShare, networkMountOf } from './mounts';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus } from '../../shared/contract/backup';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { backupConfig } from './config';
import { nodeFs } from './fsops';
import { stalenessWarning } from './schedule';
import { destinationStatus, listBackups } from './status';
import { mediaWarnings } from './media';
import { noKeyWarning, type BackupContext, type BackupEnv } from './service-env';
import { backupRuns } from './service-runs';
import { backupKeys } from './service-key';
import { backupRestore } from './service-restore';

export { detachedBackupEnv, noKeyWarning, type BackupEnv, type BackupRuntime } from './service-env';
export type { BackupReason } from './service-runs';
export type { KeyFields } from './service-restore';
export type BackupService = ReturnType<typeof createBackupService>;

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
  const context: BackupContext = { db, clock, audit, env, config, fsOps: env.fs ?? nodeFs, runtime: env.runtime };
  const { fsOps, runtime } = context;
  const { lastGood, ...running } = backupRuns(context);
  const { encryptionStatus, ...keys } = backupKeys(context);

  return {
    ...running,
    ...keys,
    ...backupRestore(context),
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

    list: () => listBackups(config.destinations()),
  };
}
