import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDriveThread, type DriveThread } from '../../../src/core/backup/drive-thread';
import { describeFsError } from '../../../src/core/backup/fsops';
import { createBackup } from '../../../src/core/backup/run';
import { fixedClock } from '../../../src/core/clock';
import { backupNice } from '../../../src/core/workers/pool';
import { demoDbFile } from '../../helpers/backup';
import { migrationsFolder } from '../../helpers/temp';
import { tempDir } from '../../helpers/temp';

// A Linux thread's nice value is its own: field 19 of /proc/self/task/TID/stat (after the name in parentheses).
const threadsAt = (nice: number) =>
  fs.readdirSync('/proc/self/task').filter((tid) => {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) === nice;
    } catch {
      return false; // ended meanwhile
    }
  });

describe("a drive's own thread", () => {
  let drive: DriveThread | null = null;
  afterEach(async () => {
    await drive?.stop();
    drive = null;
  });

  it('writes pieces in shared memory and copies, syncs, reads back into either, and closes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'copy.bin');
    drive = startDriveThread();
    const handle = await drive.fs.create(file);
    const shared = Buffer.from(new SharedArrayBuffer(300_000)).fill(7);
    const copied = Buffer.alloc(200_000, 9);
    await handle.write([shared, copied], 0);
    await handle.write([Buffer.from('end')], 500_000);
    await handle.sync();
    const back = Buffer.from(new SharedArrayBuffer(500_000));
    expect(await handle.readBack(back, 0)).toBe(500_000);
    expect(back.equals(Buffer.concat([shared, copied]))).toBe(true);
    const tail = Buffer.alloc(10);
    expect(await handle.readBack(tail, 500_000)).toBe(3);
    expect(tail.subarray(0, 3).toString()).toBe('end');
    await handle.close();
    expect(fs.statSync(file).size).toBe(500_003);
    // The app's account only, whatever the drive's folder allows others.
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("never writes into a file that is there, and a failure's code names it in Russian", async () => {
    const dir = tempDir();
    const there = path.join(dir, 'there.bin');
    fs.writeFileSync(there, 'somebody else’s');
    drive = startDriveThread();
    await expect(drive.fs.create(there)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(there, 'utf8')).toBe('somebody else’s');
    const gone = path.join(dir, 'pulled-out', 'copy.bin');
    const error = await drive.fs.create(gone).catch((e: unknown) => e);
    expect(describeFsError(error, path.dirname(gone))).toMatch(/не найдена: носитель не подключён/);
  });

  it('runs below the thread that answers calls, and ends', async () => {
    if (process.platform !== 'linux') return;
    const own = os.getPriority(0);
    const low = Math.min(19, own + backupNice);
    const before = threadsAt(low);
    drive = startDriveThread();
    // The thread lowers itself as it starts: its first answer comes after.
    const handle = await drive.fs.create(path.join(tempDir(), 'x.bin'));
    await handle.close();
    const started = threadsAt(low).filter((tid) => !before.includes(tid));
    expect(started).toHaveLength(1);
    expect(os.getPriority(0)).toBe(own);
    await drive.stop();
    drive = null;
    expect(threadsAt(low)).not.toContain(started[0]);
  });

  it('is what a backup writes each drive through, unless it is given the file operations to use', async () => {
    if (process.platform !== 'linux') return;
    const dir = tempDir();
    const drives = ['a', 'b', 'c'].map((d) => fs.mkdirSync(path.join(dir, d), { recursive: true })!);
    const low = Math.min(19, os.getPriority(0) + backupNice);
    const before = threadsAt(low);
    let lowered = 0;
    const writing = new Set<string>();
    const outcome = await createBackup({
      clock: fixedClock('2026-11-24T18:00:00'),
      appVersion: 'test',
      migrationsFolder,
      recipient: null,
      source: { kind: 'file', file: demoDbFile(dir) },
      destinations: drives,
      onProgress: (p) => {
        if (p.stage !== 'copy' || !p.destination || writing.has(p.destination)) return;
        writing.add(p.destination);
        // Once every drive has written, each one's thread is there, and the snapshot's that gave the blocks.
        if (writing.size === drives.length) lowered = threadsAt(low).filter((t) => !before.includes(t)).length;
      },
    });
    expect(outcome.ok).toBe(true);
    // Without them, the backup's threads at this priority are three at most: the cipher, the check, the comparing.
    expect(lowered).toBeGreaterThanOrEqual(drives.length + 1);
  });
});
