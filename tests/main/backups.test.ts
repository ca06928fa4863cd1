import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createDriveLister, parseWindowsDrives } from '../../src/core/backup/drives';
import { generateDemoSchool } from '../../src/core/demo';
import { testCore } from '../helpers/core';
import { testKey } from '../helpers/age';
import { tempDir } from '../helpers/temp';
import { fakeEvent, resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('scheduled backups in the desktop app (src/main/backups.ts)', () => {
  const dir = tempDir();
  const drive = path.join(dir, 'drive');
  // The fixed clock says 10:00; the daily time is 09:00 and nothing ran today, so the first tick backs up.
  let now = new Date('2026-11-24T10:00:00');
  const core = testCore({ dbFile: path.join(dir, 'live.db'), clock: { now: () => new Date(now) } });

  beforeAll(() => {
    resetFake();
    generateDemoSchool(core.db, { tier: 'small', years: 1, today: '2026-11-24' });
    fs.mkdirSync(drive);
    core.services.backup.config.setDestinations([{ path: drive, label: 'drive' }]);
    // Copies are made only once the school has its key (the paper key's public half).
    core.services.backup.config.setEncryption({ recipient: testKey.recipient, createdAt: '2026-09-01 08:00:00' });
    core.services.backup.config.setSchedule({ dailyAt: '09:00', onExit: true, beforeMigration: true });
  });

  it('makes the daily backup once when its time has passed, and holds quitting until the exit backup is written', async () => {
    const { wireBackups } = await import('../../src/main/backups');
    // Each tick asks whether the daily backup is due: counting the questions counts the ticks.
    const looked = vi.spyOn(core.services.backup, 'isDailyDue');
    wireBackups(core, { everyMs: 20 });
    const runs = () => core.services.backup.config.runs();
    await expect.poll(() => runs().length, { timeout: 60_000 }).toBe(1);
    expect(runs()[0]).toMatchObject({ reason: 'daily', ok: true });
    // Later ticks find today's backup done.
    const asked = looked.mock.calls.length;
    await expect.poll(() => looked.mock.calls.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(asked + 3);
    expect(runs()).toHaveLength(1);

    now = new Date('2026-11-24T15:30:00');
    const quitting = fakeEvent();
    state().appEvents.emit('before-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    expect(state().quits).toBe(0);
    await expect.poll(() => state().quits, { timeout: 60_000 }).toBe(1);
    expect(runs()[0]).toMatchObject({ reason: 'exit', ok: true });
    // The quit that follows is let through.
    const again = fakeEvent();
    state().appEvents.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
    // Retention keeps the newest backup of a day: the exit backup replaced the morning's.
    expect(fs.readdirSync(drive).filter((n) => n.endsWith('.db.age'))).toEqual(['zhurnal-2026-11-24_1530-00.db.age']);
  });
});

describe('removable drives', () => {
  it('reads Windows drive letters from PowerShell’s JSON, one or several', () => {
    expect(parseWindowsDrives('{"DeviceID":"E:","VolumeName":"KINGSTON"}')).toEqual([
      { path: 'E:\\', label: 'KINGSTON (E:)' },
    ]);
    expect(parseWindowsDrives('[{"DeviceID":"E:","VolumeName":null},{"DeviceID":"F:","VolumeName":"Архив"}]')).toEqual([
      { path: 'E:\\', label: 'E:' },
      { path: 'F:\\', label: 'Архив (F:)' },
    ]);
    expect(parseWindowsDrives('')).toEqual([]);
  });

  it('asks the platform’s own source, and sees no drives when it fails', async () => {
    const mounts = '/dev/sdb1 /media/admin/STICK vfat rw 0 0\n/dev/zram0 /media/zram ext4 rw 0 0';
    const linux = createDriveLister({
      platform: 'linux',
      readMounts: async () => mounts,
      powershell: async () => Promise.reject(new Error('no')),
    });
    expect(await linux()).toEqual([{ path: '/media/admin/STICK', label: 'STICK' }]);
    const windows = createDriveLister({
      platform: 'win32',
      readMounts: async () => mounts,
      powershell: async () => '{"DeviceID":"E:","VolumeName":""}',
    });
    expect(await windows()).toEqual([{ path: 'E:\\', label: 'E:' }]);
    const broken = createDriveLister({
      platform: 'win32',
      readMounts: async () => '',
      powershell: async () => Promise.reject(new Error('no powershell')),
    });
    expect(await broken()).toEqual([]);
  });
});
