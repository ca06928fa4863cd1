import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { decryptFile, isAgeFile, type Opener } from './age';
import { needKeyMessage } from './backup-key';
import { sha256File } from './hash';
import { inspectDatabase, type DatabaseFacts } from './inspect';
import { readManifest, type Manifest } from './manifest';

export interface VerifyOptions {
  /** What opens an encrypted copy (see backup-key.ts); none given, an encrypted copy is refused. */
  identities?: Opener[];
  migrationsFolder?: string;
  /** Keep the checked, decrypted database at this path (restore needs it beside the live file). */
  keepAs?: string;
  workDir?: string;
}

export interface Verified extends DatabaseFacts {
  file: string;
  encrypted: boolean;
  manifest: Manifest | null;
  databaseSha256: string;
  /** Said in Russian: what was checked. */
  summary: string;
}

const damaged = (what: string) => new AppError('io', `Копия повреждена: ${what}. Восстанавливать из неё нельзя.`);

/**
 * Checks a backup file all the way: its hash against the manifest, decryption, the database's hash, a full
 * integrity check, and what it holds. Throws an AppError with the reason when anything is wrong.
 */
export async function verifyBackup(file: string, options: VerifyOptions = {}): Promise<Verified> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new AppError('not_found', `Файл копии не найден: ${file}`);
  const manifest = readManifest(file);
  const fileSumDiffers = () => damaged('контрольная сумма файла не совпадает с записанной при создании');
  const encrypted = isAgeFile(file);
  if (encrypted && manifest && (await sha256File(file)) !== manifest.fileSha256) throw fileSumDiffers();
  if (encrypted && !options.identities?.length) throw new AppError('validation', needKeyMessage);
  // Beside keepAs when given, so the final rename stays on one file system.
  const workDir = options.workDir ?? (options.keepAs ? path.dirname(options.keepAs) : os.tmpdir());
  const work = fs.mkdtempSync(path.join(workDir, '.zhurnal-verify-'));
  try {
    const plain = path.join(work, 'backup.db');
    // Each byte is hashed once: the decryption hashes what it writes, and a plain backup's copy (what is then
    // checked and restored) is hashed for both sums the manifest holds, which are one and the same.
    let databaseSha256: string;
    if (encrypted) databaseSha256 = (await decryptFile(file, plain, options.identities!)).sha256;
    else {
      fs.copyFileSync(file, plain);
      databaseSha256 = await sha256File(plain);
      if (manifest && databaseSha256 !== manifest.fileSha256) throw fileSumDiffers();
    }
    if (manifest && databaseSha256 !== manifest.databaseSha256) {
      throw damaged('контрольная сумма базы не совпадает с записанной при создании');
    }
    const facts = await inspectDatabase(plain, { full: true, migrationsFolder: options.migrationsFolder });
    if (options.keepAs) fs.renameSync(plain, options.keepAs);
    const { students, lessons, marks } = facts.counts;
    return {
      file,
      encrypted,
      manifest,
      databaseSha256,
      ...facts,
      summary:
        `Копия исправна${manifest ? '' : ' (описание рядом с ней не найдено, сверка контрольной суммы пропущена)'}: ` +
        `учеников ${students}, уроков ${lessons}, отметок ${marks}`,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
