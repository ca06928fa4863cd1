import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, partialPrefix } from '../../../src/core/backup/fsops';
import { backupFileName, backupTimeOf } from '../../../src/core/backup/manifest';
import { removableDrives } from '../../../src/core/backup/mounts';
import { backupsToKeep, pruneDestination } from '../../../src/core/backup/retention';
import { isDailyDue, stalenessWarning } from '../../../src/core/backup/schedule';
import { tempDir } from '../../helpers/temp';

const at = (s: string) => new Date(s);

describe('retention', () => {
  // One backup a day at 18:00 for 120 days up to 2026-11-24.
  const days = Array.from({ length: 120 }, (_, i) => new Date(2026, 10, 24 - i, 18, 0, 0));

  it('keeps the last N days, the newest of each of N weeks and of N months', () => {
    const keep = backupsToKeep(days, { daily: 7, weekly: 4, monthly: 3 });
    const kept = days.filter((d) => keep.has(d.getTime()));
    // 24 Nov 2026 is a Tuesday. Days: 18–24 Nov. Weeks (Monday first): 24, 22 (both among the days), then the
    // Sundays 15 and 8 Nov. Months: 24 Nov, 31 Oct, 30 Sep.
    const labels = kept.map((d) => `${d.getMonth() + 1}-${d.getDate()}`);
    expect(labels.slice(0, 7)).toEqual(['11-24', '11-23', '11-22', '11-21', '11-20', '11-19', '11-18']);
    expect(labels).toContain('11-15');
    expect(labels).toContain('11-8');
    expect(labels).toContain('10-31');
    expect(labels).toContain('9-30');
    expect(labels).not.toContain('11-17');
    expect(labels).not.toContain('11-16');
    expect(kept.length).toBe(7 + 2 + 2);
  });

  it('always keeps the newest, even with nothing else asked', () => {
    expect(backupsToKeep(days, { daily: 1, weekly: 0, monthly: 0 }).size).toBe(1);
  });

  it('deletes only the files it named, with their manifests, and temporary files older than a day', async () => {
    const dir = tempDir();
    const names = days.slice(0, 10).map((d) => backupFileName(d, true));
    for (const n of names) {
      fs.writeFileSync(path.join(dir, n), 'x');
      fs.writeFileSync(path.join(dir, `${n}.manifest.json`), '{}');
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'the admin’s own file');
    const oldPartial = path.join(dir, `${partialPrefix}abc-x.db`);
    const newPartial = path.join(dir, `${partialPrefix}def-y.db`);
    fs.writeFileSync(oldPartial, '');
    fs.writeFileSync(newPartial, '');
    fs.utimesSync(oldPartial, new Date(2026, 10, 20), new Date(2026, 10, 20));
    const deleted = await pruneDestination(nodeFs, dir, { daily: 3, weekly: 0, monthly: 0 }, new Date());
    expect(deleted).toHaveLength(8);
    const left = fs.readdirSync(dir).sort();
    expect(left).toContain('notes.txt');
    expect(left).toContain(path.basename(newPartial));
    expect(left.filter((n) => backupTimeOf(n))).toEqual(names.slice(0, 3).sort());
    expect(left.filter((n) => n.endsWith('.manifest.json'))).toHaveLength(3);
  });
});

describe('file names', () => {
  it('round-trip the moment of the backup', () => {
    const d = new Date(2026, 0, 5, 7, 8, 9);
    expect(backupFileName(d, true)).toBe('zhurnal-2026-01-05_0708-09.db.age');
    expect(backupFileName(d, false)).toBe('zhurnal-2026-01-05_0708-09-НЕ-ЗАШИФРОВАНО.db');
    for (const encrypted of [true, false])
      expect(backupTimeOf(backupFileName(d, encrypted))?.getTime()).toBe(d.getTime());
    // Plain copies made before encryption was the default.
    expect(backupTimeOf('zhurnal-2026-01-05_0708-09.db')?.getTime()).toBe(d.getTime());
    expect(backupTimeOf('zhurnal.db')).toBeNull();
  });
});

describe('removable drives from the mount table', () => {
  const mounts = [
    '/dev/sda1 / ext4 rw,relatime 0 0',
    '/dev/sdb1 /media/admin/KINGSTON vfat rw,nosuid 0 0',
    '/dev/sdc1 /run/media/admin/My\\040Backup exfat rw 0 0',
    '/dev/zram0 /media/zram ext4 rw 0 0',
    'tmpfs /run/media/admin/tmp tmpfs rw 0 0',
    '/dev/loop3 /media/admin/cdrom iso9660 ro 0 0',
    '/dev/sdd1 /mnt/data ext4 rw 0 0',
  ].join('\n');

  it('offers sticks under /media and /run/media, with spaces decoded, and never zram, tmpfs or loop images', () => {
    expect(removableDrives(mounts)).toEqual([
      { path: '/media/admin/KINGSTON', label: 'KINGSTON' },
      { path: '/run/media/admin/My Backup', label: 'My Backup' },
    ]);
  });
});

describe('schedule', () => {
  const daily = { dailyAt: '18:00', onExit: true, beforeMigration: true };

  it('is due once after the daily time, and catches up a missed day', () => {
    expect(isDailyDue(daily, at('2026-11-24T17:59:00'), at('2026-11-23T18:00:05'))).toBe(false);
    expect(isDailyDue(daily, at('2026-11-24T18:00:00'), at('2026-11-23T18:00:05'))).toBe(true);
    expect(isDailyDue(daily, at('2026-11-24T18:30:00'), at('2026-11-24T18:00:01'))).toBe(false);
    // The computer was off yesterday evening: due this morning.
    expect(isDailyDue(daily, at('2026-11-24T08:00:00'), at('2026-11-22T18:00:00'))).toBe(true);
    expect(isDailyDue({ ...daily, dailyAt: null }, at('2026-11-24T19:00:00'), null)).toBe(false);
  });

  it('warns when the last good backup is older than two days', () => {
    const now = at('2026-11-24T10:00:00');
    expect(stalenessWarning(at('2026-11-22T11:00:00'), now)).toBeNull();
    expect(stalenessWarning(at('2026-11-21T10:00:00'), now)).toMatch(/3 дн\. назад/);
    expect(stalenessWarning(null, now)).toMatch(/ни разу/);
  });
});
