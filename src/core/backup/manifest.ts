import fs from 'node:fs';
import { z } from 'zod';
import { localTimestamp } from '../clock';

/** What is written beside each backup file, so a person (or verify) knows what it holds without opening it. */
export const manifestSchema = z.object({
  format: z.literal('zhurnal-backup/1'),
  file: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.string().nullable(),
  schoolName: z.string().nullable(),
  counts: z.object({ students: z.number(), lessons: z.number(), marks: z.number() }),
  encrypted: z.boolean(),
  /** SHA-256 of the SQLite database inside (after decryption when encrypted). */
  databaseSha256: z.string(),
  databaseBytes: z.number(),
  /** SHA-256 and size of the file as written to the drive. */
  fileSha256: z.string(),
  fileBytes: z.number(),
  /** The audit log's latest entries checked by this backup, and the entry where the chain broke (null: whole). */
  auditChain: z.object({ checked: z.number(), brokenAt: z.number().nullable() }).nullable().optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const manifestSuffix = '.manifest.json';

export function manifestPathOf(backupFile: string): string {
  return backupFile + manifestSuffix;
}

/** The manifest beside a backup, or null when there is none or it cannot be read (verify still checks the file). */
export function readManifest(backupFile: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPathOf(backupFile), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the name of a copy made without encryption says, so nobody takes it for a protected one. */
export const unencryptedMark = '-НЕ-ЗАШИФРОВАНО';

/**
 * `zhurnal-2026-11-24_1030-00.db.age`, or `zhurnal-2026-11-24_1030-00-НЕ-ЗАШИФРОВАНО.db`: sorts by time, and no
 * character that a FAT stick or Windows refuses. (Plain copies made before encryption was the default are
 * named without the mark.)
 */
export function backupFileName(at: Date, encrypted: boolean): string {
  const stamp = localTimestamp(at).replace(/ (\d\d):(\d\d):(\d\d)$/, '_$1$2-$3');
  return `zhurnal-${stamp}${encrypted ? '.db.age' : `${unencryptedMark}.db`}`;
}

const namePattern = new RegExp(
  `^zhurnal-(\\d{4})-(\\d{2})-(\\d{2})_(\\d{2})(\\d{2})-(\\d{2})(${unencryptedMark})?\\.db(\\.age)?$`,
);

/** The moment a backup was taken, from its file name; null for a name this program did not make. */
export function backupTimeOf(name: string): Date | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(y!, mo! - 1, d!, h!, mi!, s!);
}
