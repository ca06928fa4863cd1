import { eq } from 'drizzle-orm';
import type { BackupStatus } from '../../shared/contract/backup';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import { localTimestamp } from '../clock';
import { settings } from '../db/schema';
import { fontsDirFor } from '../print/fonts';
import { lockedKeyFile } from './backup-key';
import { paperKeyPdf } from './paper-key-pdf';
import { generateSchoolKey, keyFileText } from './school-key';
import type { BackupContext } from './service-env';

/** The school's key: what the copies are encrypted to, made once and handed out as the paper key, or plain copies chosen. */
export function backupKeys({ db, clock, audit, env, config }: BackupContext) {
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

  return {
    encryptionStatus,

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
  };
}
