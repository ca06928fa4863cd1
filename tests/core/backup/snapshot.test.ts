import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../src/core/backup/run';
import { walIndexOf } from '../../../src/core/backup/snapshot-pages';
import { startSnapshot } from '../../../src/core/backup/snapshot-stream';
import { verifyBackup } from '../../../src/core/backup/verify';
import { fixedClock } from '../../../src/core/clock';
import { migrationsFolder, tempDir } from '../../helpers/temp';
import { testKey } from '../../helpers/age';

const base = { clock: fixedClock('2026-11-24T18:00:00'), appVersion: 'test', migrationsFolder };

/** The bytes a backup of `client`'s database must hold now: its pages, page 1 saying «rollback journal». */
function committedNow(client: Database.Database): Buffer {
  const pages = Buffer.from(client.serialize());
  pages[18] = pages[19] = 1;
  return pages;
}

/**
 * A database of 12 MiB whose pages are in three places: the file; frames of the WAL already copied into it
 * (a checkpoint held back halfway by a reader); and frames that are not, newer versions of pages of both and
 * pages beyond the file's end. The writer never checkpoints by itself.
 */
function walHeavy(file: string): Database.Database {
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('create table t (n integer primary key, b blob)');
  const insert = writer.prepare('insert into t (b) values (randomblob(?))');
  const rewrite = writer.prepare('update t set b = randomblob(length(b)) where n % ? = 0');
  writer.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(16_384);
  })();
  writer.pragma('wal_checkpoint(TRUNCATE)');
  rewrite.run(3);
  const reader = new Database(file, { readonly: true });
  reader.exec('begin');
  reader.prepare('select count(*) from t').get();
  rewrite.run(5);
  for (let i = 0; i < 100; i++) insert.run(8192);
  // Backfills only up to the reader's mark: the rest stays in the WAL alone.
  writer.pragma('wal_checkpoint(PASSIVE)');
  reader.exec('commit');
  reader.close();
  rewrite.run(7);
  return writer;
}

describe("a backup's snapshot, read from the files a block at a time", () => {
  const dir = tempDir();

  it('is exactly what was committed when it began, pages still in the WAL included', async () => {
    const file = path.join(dir, 'wal.db');
    const writer = walHeavy(file);
    const wal = walIndexOf(file)!;
    // The three places are there: frames copied into the file, and frames that are not.
    expect(wal.nBackfill).toBeGreaterThan(0);
    expect(wal.mxFrame).toBeGreaterThan(wal.nBackfill);
    const expected = committedNow(writer);
    const drives = ['p', 'e'].map((d) => path.join(dir, d));
    for (const d of drives) fs.mkdirSync(d);
    const source = { kind: 'connection', client: writer } as const;
    const plain = await createBackup({ ...base, source, destinations: [drives[0]!], recipient: null });
    const sealed = await createBackup({
      ...base,
      source,
      destinations: [drives[1]!],
      recipient: testKey.recipient,
    });
    expect(plain.ok && sealed.ok).toBe(true);
    expect(fs.readFileSync(plain.results[0]!.file!).equals(expected)).toBe(true);
    // The encrypted copy verifies (its file hash taken header first) and decrypts to the same bytes.
    const opened = path.join(dir, 'opened.db');
    await verifyBackup(sealed.results[0]!.file!, { identities: [testKey.identity], keepAs: opened });
    expect(fs.readFileSync(opened).equals(expected)).toBe(true);
    writer.close();
  });

  for (const checkpointed of [false, true]) {
    it(`holds no write committed after it began, ${checkpointed ? 'every frame checkpointed before' : 'with pages in the WAL'}, while checkpoints are tried`, async () => {
      const file = path.join(dir, `after-${checkpointed}.db`);
      const writer = walHeavy(file);
      if (checkpointed) writer.pragma('wal_checkpoint(TRUNCATE)');
      const expected = committedNow(writer);
      // Two slots of 1 MiB: the thread reads the 12 MiB only as the blocks are taken, well after the writes.
      const snapshot = startSnapshot(file, {
        blockBytes: 1 << 20,
        slots: 2,
        sealing: null,
        holdWrites: () => {
          writer.exec('begin immediate');
          return () => writer.exec('rollback');
        },
      });
      try {
        expect(await snapshot.checking).toBe('joined');
        await snapshot.begun;
        expect(await snapshot.taken).toBe(expected.length);
        const got = Buffer.alloc(expected.length);
        let wrote = false;
        for await (const block of snapshot.blocks()) {
          block.data.copy(got, block.at);
          if (!wrote) {
            // Every page rewritten, the file grown, and checkpoints asked for, as the app's writes would.
            writer.prepare('update t set b = randomblob(length(b))').run();
            writer.prepare('insert into t (b) values (randomblob(65536))').run();
            const {
              busy,
              log,
              checkpointed: copied,
            } = (writer.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[])[0]!;
            expect(busy).toBe(0);
            // Nothing newer than the snapshot goes into the file while it is read.
            expect(copied).toBeLessThan(log);
            wrote = true;
          }
          snapshot.release(block);
        }
        await snapshot.ended;
        expect(got.equals(expected)).toBe(true);
        expect(got.equals(committedNow(writer))).toBe(false);
      } finally {
        await snapshot.stop();
        writer.close();
      }
    });
  }

  it(
    'takes memory for its blocks in flight, not for the database: 256 MiB backed up in half of that',
    { timeout: 180_000 },
    async () => {
      const file = path.join(dir, 'big.db');
      const client = new Database(file);
      client.pragma('journal_mode = WAL');
      client.exec('create table t (b blob)');
      const insert = client.prepare('insert into t values (randomblob(1048576))');
      client.transaction(() => {
        for (let i = 0; i < 256; i++) insert.run();
      })();
      client.close();
      const drive = path.join(dir, 'big-drive');
      fs.mkdirSync(drive);
      // In a process of its own, so that only the backup's memory is measured.
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/backup-memory.ts', file, drive], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      const { ok, databaseBytes, peakAboveStart } = JSON.parse(out) as {
        ok: boolean;
        databaseBytes: number;
        peakAboveStart: number;
      };
      expect(ok).toBe(true);
      expect(databaseBytes).toBeGreaterThan(256 << 20);
      console.log(
        `backup of ${databaseBytes >> 20} MiB: peak private memory ${(peakAboveStart / 2 ** 20).toFixed(0)} MiB above start`,
      );
      // Measured: 35 MiB for a database of 8 KiB (two threads started, TypeScript compiled), 75–90 MiB here;
      // the whole database in memory would be 330 MiB.
      expect(peakAboveStart).toBeLessThan(databaseBytes / 2);
    },
  );
});
