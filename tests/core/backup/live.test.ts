import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { partialPrefix } from '../../../src/core/backup/fsops';
import { backupTimeOf } from '../../../src/core/backup/manifest';
import { createBackup } from '../../../src/core/backup/run';
import { verifyBackup } from '../../../src/core/backup/verify';
import { fixedClock } from '../../../src/core/clock';
import { openDatabase } from '../../../src/core/db/open';
import { demoDbFile, liveIsIntact } from '../../helpers/backup';
import { migrationsFolder, tempDir } from '../../helpers/temp';

describe('a backup while the school keeps working', () => {
  const dir = tempDir();

  it('takes a consistent copy from the writing connection while writes go on, and loses none of them', async () => {
    const live = demoDbFile(dir);
    const db = openDatabase(live, { migrationsFolder });
    const client = db.$client;
    client.exec('create table if not exists probe (n integer primary key)');
    const insert = client.prepare('insert into probe (n) values (?)');
    let n = 0;
    let during = 0;
    let running = true;
    // A teacher's saves arrive on the same event loop as the backup's steps, as in the app.
    const writer = (async () => {
      while (running) {
        insert.run(++n);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const to = path.join(dir, 'drive');
    fs.mkdirSync(to);
    const outcome = await createBackup({
      source: { kind: 'connection', client },
      destinations: [to],
      clock: fixedClock('2026-11-24T18:00:00'),
      appVersion: 'test',
      migrationsFolder,
      recipient: null,
      onProgress: (p) => {
        if (p.stage === 'check') during = n;
      },
    });
    running = false;
    await writer;
    expect(outcome.ok).toBe(true);
    expect(during).toBeGreaterThan(0);
    const copied = new Database(outcome.results[0]!.file!, { readonly: true });
    const inCopy = copied.prepare('select count(*) as c, max(n) as m from probe').get() as { c: number; m: number };
    copied.close();
    // The copy is one moment of the database: every row up to that moment, no gaps.
    expect(inCopy.c).toBe(inCopy.m);
    expect(inCopy.c).toBeLessThanOrEqual(during);
    expect((client.prepare('select count(*) as c from probe').get() as { c: number }).c).toBe(n);
    client.close();
  });

  // A second process that starts TypeScript and backs up 30 MiB: genuinely slow when the machine is shared.
  it(
    'killed in the middle of a backup, leaves only copies that verify and the live database intact',
    { timeout: 120_000 },
    async () => {
      // Larger than the point where the child stops the first drive's copy (20 MiB), in random pages.
      const live = path.join(dir, 'big.db');
      const client = new Database(live);
      client.pragma('journal_mode = WAL');
      client.exec('create table blob (b blob)');
      const insert = client.prepare('insert into blob values (randomblob(65536))');
      client.transaction(() => {
        for (let i = 0; i < 480; i++) insert.run();
      })();
      client.close();
      const drives = ['k1', 'k2'].map((d) => path.join(dir, d));
      for (const d of drives) fs.mkdirSync(d);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'tests/fixtures/backup-child.ts', live, String(20 << 20), ...drives],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Killed once the first drive has taken 20 MiB of the 30 MiB copy; the second may be anywhere.
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('stalled')) resolve();
        });
        child.on('exit', () => reject(new Error('the backup process ended before it was killed')));
      });
      child.kill('SIGKILL');
      await exited;
      let finals = 0;
      for (const d of drives) {
        for (const name of fs.readdirSync(d).filter((n) => backupTimeOf(n) !== null)) {
          await verifyBackup(path.join(d, name));
          finals++;
        }
      }
      // The second drive may have finished before the kill; the first never did.
      expect(fs.readdirSync(drives[0]!).filter((n) => backupTimeOf(n) !== null)).toEqual([]);
      expect(finals).toBeLessThanOrEqual(1);
      expect(drives.flatMap((d) => fs.readdirSync(d)).some((n) => n.startsWith(partialPrefix))).toBe(true);
      expect((await liveIsIntact(live)).counts).toEqual({ students: 0, lessons: 0, marks: 0 });
      const reopened = new Database(live, { readonly: true });
      expect((reopened.prepare('select count(*) as c from blob').get() as { c: number }).c).toBe(480);
      reopened.close();
    },
  );
});
