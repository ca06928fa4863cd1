import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import { createAuditService } from '../audit/service';
import type { Db } from '../db/open';
import { sessions } from '../db/schema';
import { identitiesFrom, type KeyInput } from './backup-key';
import { backupConfig } from './config';
import { restoreBackup } from './restore';
import { safetyCopy } from './safety-copy';
import { busy, type BackupContext } from './service-env';
import { verifyBackup } from './verify';

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

/** Checking a copy, and putting one back in place of the live database. */
export function backupRestore({ db, clock, env, config, runtime }: BackupContext) {
  return {
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
