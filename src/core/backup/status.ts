import fs from 'node:fs';
import path from 'node:path';
import type { BackupDestinationStatus, BackupFileEntry, BackupRunRecord } from '../../shared/contract/backup';
import type { DestinationConfig } from './config';
import type { BackupFs } from './fsops';
import { backupTimeOf, readManifest } from './manifest';

/** A destination as the screen shows it: reachable now, free space, and how its last backups went. */
export async function destinationStatus(
  fsOps: BackupFs,
  d: DestinationConfig,
  runs: readonly BackupRunRecord[],
): Promise<BackupDestinationStatus> {
  const available = await fsOps.stat(d.path).then(
    (s) => s.isDirectory,
    () => false,
  );
  const mine = runs.flatMap((run) => run.results.filter((r) => r.path === d.path).map((r) => ({ at: run.at, ...r })));
  const lastSuccess = mine.find((r) => r.ok) ?? null;
  const lastFailure = mine.find((r) => !r.ok) ?? null;
  return {
    path: d.path,
    label: d.label,
    available,
    freeBytes: available ? await fsOps.freeBytes(d.path) : null,
    lastSuccessAt: lastSuccess?.at ?? null,
    // An error is shown until a later backup to the same place succeeds.
    lastError:
      lastFailure && (!lastSuccess || lastFailure.at > lastSuccess.at)
        ? `${lastFailure.at}: ${lastFailure.message}`
        : null,
  };
}

/** The backups found on the destinations that are reachable now, newest first. */
export function listBackups(destinations: readonly DestinationConfig[]): BackupFileEntry[] {
  const found: BackupFileEntry[] = [];
  for (const d of destinations) {
    let names: string[];
    try {
      names = fs.readdirSync(d.path);
    } catch {
      continue;
    }
    for (const name of names) {
      const at = backupTimeOf(name);
      if (!at) continue;
      const file = path.join(d.path, name);
      const manifest = readManifest(file);
      found.push({
        file,
        destination: d.path,
        createdAt: manifest?.createdAt ?? null,
        encrypted: name.endsWith('.age'),
        bytes: fs.statSync(file).size,
        counts: manifest?.counts ?? null,
      });
    }
  }
  return found.sort((a, b) => path.basename(b.file).localeCompare(path.basename(a.file)));
}
