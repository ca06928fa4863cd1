import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { systemClock } from '../../core/clock';
import { openDatabase } from '../../core/db/open';
import { claimJournal } from '../../core/db/owner-lock';
import { megabytes } from '../../core/backup/destination';
import { identitiesFrom } from '../../core/backup/backup-key';
import { encryptionOf } from '../../core/backup/config';
import { restoreBackup } from '../../core/backup/restore';
import { createBackup } from '../../core/backup/run';
import { safetyCopy } from '../../core/backup/safety-copy';
import { noKeyWarning } from '../../core/backup/service';
import { verifyBackup } from '../../core/backup/verify';
import { auditCommand } from '../audit';
import { CliError, say } from '../output';

export interface BackupArgs {
  db?: string;
  to: string[];
  /** A plain copy, asked for in so many words. */
  unencrypted: boolean;
  json: boolean;
  root: string;
}

/** The passphrase is read from a file (never the command line, which other users can see); one trailing newline is dropped. */
export function readPassphrase(file: string | undefined): string | null {
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Не удалось прочитать файл с паролем: ${file}`);
  }
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase.length === 0) throw new CliError(`Файл с паролем пуст: ${file}`);
  return passphrase;
}

/** What opens an encrypted copy from the command line: the paper key's file, and a passphrase (of that file, or of an old copy). */
async function identitiesOf(keyFile: string | undefined, passphraseFile: string | undefined) {
  let key: Buffer | null = null;
  if (keyFile) {
    try {
      key = fs.readFileSync(keyFile);
    } catch {
      throw new CliError(`Не удалось прочитать файл ключа: ${keyFile}`);
    }
  }
  return identitiesFrom({ keyFile: key, passphrase: readPassphrase(passphraseFile) });
}

/** The school's choice for its copies, as its database records it (read-only). */
function schoolRecipient(file: string, unencrypted: boolean): string | null {
  if (unencrypted) return null;
  if (!fs.existsSync(file)) throw new CliError(`Файл базы не найден: ${file}`);
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const encryption = encryptionOf(client);
    if (!encryption) throw new CliError(noKeyWarning);
    if (!encryption.recipient)
      throw new CliError('Школа выбрала копии без шифрования: повторите с --unencrypted, чтобы это было видно');
    return encryption.recipient;
  } finally {
    client.close();
  }
}

export function appVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * `zhurnal backup`: for the system's scheduler. Exit 0 only when every destination succeeded. It copies the
 * database file to the folders given, with no core open on it (backup:run copies to the school's configured
 * destinations), so it calls the backup code itself rather than the dispatcher, as verify and restore do.
 */
export async function runBackup(args: BackupArgs): Promise<number> {
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (args.to.length === 0) throw new CliError('Укажите хотя бы одну папку для копии: --to ПАПКА');
  const outcome = await createBackup({
    source: { kind: 'file', file: args.db },
    destinations: args.to,
    clock: systemClock,
    appVersion: appVersion(args.root),
    migrationsFolder: path.join(args.root, 'migrations'),
    recipient: schoolRecipient(args.db, args.unencrypted),
  });
  // As the app's backups are: the run and how many destinations took it.
  auditCommand(args.db, path.join(args.root, 'migrations'), 'backup', {
    action: 'backup.run',
    entity: 'backup',
    entityId: outcome.manifest.file,
    newValue: {
      reason: 'cli',
      ok: outcome.ok,
      written: outcome.results.filter((r) => r.ok).length,
      destinations: args.to.length,
    },
  });
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: outcome.ok, manifest: outcome.manifest, destinations: outcome.results })}\n`,
    );
  } else {
    for (const r of outcome.results) {
      say(
        r.ok ? `ГОТОВО  ${r.file}` : `ОШИБКА  ${r.dir}: ${r.message}`,
        r.ok ? `OK      ${r.file}` : `FAILED  ${r.dir}: ${r.message}`,
      );
    }
    const { students, lessons, marks } = outcome.manifest.counts;
    say(
      `Копия ${outcome.manifest.file} (${megabytes(outcome.manifest.fileBytes)}${outcome.manifest.encrypted ? ', зашифрована' : ''}): учеников ${students}, уроков ${lessons}, отметок ${marks}`,
      `Backup ${outcome.manifest.file} (${outcome.manifest.fileBytes} bytes${outcome.manifest.encrypted ? ', encrypted' : ''}): ${students} students, ${lessons} lessons, ${marks} marks`,
    );
  }
  return outcome.ok ? 0 : 2;
}

/** `zhurnal verify-backup`: reads a copy alone, with no school database at all, so no core to call. */
export async function runVerify(args: {
  file?: string;
  keyFile?: string;
  passphraseFile?: string;
  json: boolean;
  root: string;
}): Promise<number> {
  if (!args.file) throw new CliError('Укажите файл копии: zhurnal verify-backup ФАЙЛ');
  const verified = await verifyBackup(args.file, {
    identities: await identitiesOf(args.keyFile, args.passphraseFile),
    migrationsFolder: path.join(args.root, 'migrations'),
  });
  if (args.json) process.stdout.write(`${JSON.stringify(verified)}\n`);
  else
    say(
      `${verified.summary}; школа: ${verified.schoolName ?? '—'}; схема: ${verified.schemaVersion ?? '—'}`,
      `Backup is sound: ${JSON.stringify(verified.counts)}`,
    );
  return 0;
}

/** `zhurnal restore`: with the app closed. The current database is kept beside it before it is replaced; a core would hold the very file being swapped. */
export async function runRestore(args: {
  db?: string;
  from?: string;
  keyFile?: string;
  passphraseFile?: string;
  root: string;
}): Promise<number> {
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (!args.from) throw new CliError('Укажите копию: --from ФАЙЛ');
  const migrationsFolder = path.join(args.root, 'migrations');
  // Refused while the app or a server has the journal open: it would go on writing to the file being replaced.
  const lock = claimJournal(args.db, 'zhurnal restore');
  let live: Database.Database | null = null;
  try {
    live = fs.existsSync(args.db) ? openDatabase(args.db, { migrationsFolder }).$client : null;
    const restored = await restoreBackup({
      file: args.from,
      identities: await identitiesOf(args.keyFile, args.passphraseFile),
      liveFile: args.db,
      migrationsFolder,
      clock: systemClock,
      takeSafetyCopy: async () =>
        live
          ? safetyCopy({
              client: live,
              liveFile: args.db!,
              encryption: encryptionOf(live),
              clock: systemClock,
              appVersion: appVersion(args.root),
              migrationsFolder,
            })
          : null,
      release: () => {
        live?.close();
        live = null;
      },
      reacquire: () => undefined,
    });
    // In the restored database, as the app does: the log that continues is the restored one.
    auditCommand(args.db, migrationsFolder, 'restore', {
      action: 'backup.restore',
      entity: 'backup',
      entityId: path.basename(args.from),
      newValue: { file: path.resolve(args.from), safetyCopy: restored.safetyCopy },
    });
    say(
      `База восстановлена из ${args.from}. ${restored.verified.summary}.${restored.safetyCopy ? ` Прежняя база сохранена: ${restored.safetyCopy}` : ''}`,
      `Restored from ${args.from}${restored.safetyCopy ? `; the previous database is kept at ${restored.safetyCopy}` : ''}`,
    );
    return 0;
  } finally {
    live?.close();
    lock.release();
  }
}
