import fs from 'node:fs';
import type { DestinationConfig } from './config';

/** The device a path lives on, or null when it cannot be reached now (a drive taken out). */
function deviceOf(p: string): number | null {
  try {
    return fs.statSync(p).dev;
  } catch {
    return null;
  }
}

/**
 * Why the copies do not yet survive the loss of one disk: fewer than two destinations, a destination on the
 * database's own disk, or two destinations on one disk. A disk is a device id as the system reports it, so two
 * folders of one filesystem are one disk; a destination not reachable now is not judged.
 */
export function mediaWarnings(liveFile: string, destinations: readonly DestinationConfig[]): string[] {
  const warnings: string[] = [];
  if (destinations.length < 2)
    warnings.push(
      destinations.length === 0
        ? 'Не выбрано ни одного носителя для резервных копий: добавьте хотя бы два на разных дисках'
        : 'Резервные копии пишутся только на один носитель: добавьте второй, на другом диске',
    );
  const live = deviceOf(liveFile);
  const seen: { path: string; dev: number }[] = [];
  for (const d of destinations) {
    const dev = deviceOf(d.path);
    if (dev === null) continue;
    if (dev === live) warnings.push(`Папка ${d.path} на том же диске, что и база: при поломке диска пропадут обе`);
    const twin = seen.find((s) => s.dev === dev);
    if (twin) warnings.push(`Папки ${twin.path} и ${d.path} на одном диске: это один носитель, а не два`);
    else seen.push({ path: d.path, dev });
  }
  return warnings;
}
