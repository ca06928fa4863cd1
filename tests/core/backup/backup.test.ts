import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startDriveThread } from '../../../src/core/backup/drive-thread';
import { createBackup } from '../../../src/core/backup/run';
import { startSnapshot } from '../../../src/core/backup/snapshot-stream';
import { readManifest } from '../../../src/core/backup/manifest';
import { verifyBackup } from '../../../src/core/backup/verify';
import { fixedClock } from '../../../src/core/clock';
import { demoDbFile, faultyFs, finalFiles, knownMigrations, liveIsIntact, withTmpfs } from '../../helpers/backup';
import { migrationsFolder, tempDir } from '../../helpers/temp';
import { testKey } from '../../helpers/age';

const clock = fixedClock('2026-11-24T18:00:00');
// Plain unless a test says otherwise: its copies are opened as SQLite files to look inside.
const base = { clock, appVersion: 'test', migrationsFolder, recipient: null };

/** A copy of `file` with 4 KiB of its pages near the end overwritten. */
function damagedCopy(file: string, to: string): string {
  const bytes = fs.readFileSync(file);
  for (let i = 0; i < 4096; i++) bytes[bytes.length - 8192 + i] = 0x5a;
  fs.writeFileSync(to, bytes);
  return to;
}

describe('a backup to several destinations', () => {
  const dir = tempDir();
  const live = demoDbFile(dir);
  let before: Awaited<ReturnType<typeof liveIsIntact>>;
  beforeAll(async () => {
    before = await liveIsIntact(live);
  });

  it('writes a checked copy and its manifest to each folder, which verify then accepts', async () => {
    const a = fs.mkdirSync(path.join(dir, 'a'), { recursive: true })!;
    const b = fs.mkdirSync(path.join(dir, 'b'), { recursive: true })!;
    const outcome = await createBackup({ ...base, source: { kind: 'file', file: live }, destinations: [a, b] });
    expect(outcome.ok).toBe(true);
    expect(outcome.manifest.counts).toEqual(before.counts);
    for (const d of [a, b]) {
      expect(finalFiles(d).sort()).toEqual([
        'zhurnal-2026-11-24_1800-00-НЕ-ЗАШИФРОВАНО.db',
        'zhurnal-2026-11-24_1800-00-НЕ-ЗАШИФРОВАНО.db.manifest.json',
      ]);
      const file = path.join(d, 'zhurnal-2026-11-24_1800-00-НЕ-ЗАШИФРОВАНО.db');
      expect(readManifest(file)?.databaseSha256).toBe(outcome.manifest.databaseSha256);
      const verified = await verifyBackup(file, { migrationsFolder });
      expect(verified.counts).toEqual(before.counts);
      expect(verified.schemaVersion).toBe(knownMigrations(migrationsFolder).lastTag);
      // A backup is one file: no -wal beside it is needed to open it.
      const client = new Database(file, { readonly: true });
      expect(client.pragma('journal_mode', { simple: true })).toBe('delete');
      client.close();
    }
  });

  it('hands the drives blocks from a few reused slots of memory, and every copy is the database as it was, WAL included', async () => {
    // 24 MiB of random pages, the last 4 MiB of them still only in the WAL (never checkpointed).
    const big = path.join(dir, 'wal-heavy.db');
    const writer = new Database(big);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table blob (n integer primary key, b blob)');
    const insert = writer.prepare('insert into blob (b) values (randomblob(65536))');
    writer.transaction(() => {
      for (let i = 0; i < 320; i++) insert.run();
    })();
    writer.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 64; i++) insert.run();
    expect(fs.statSync(`${big}-wal`).size).toBeGreaterThan(4 << 20);
    const pages = writer.serialize();
    // A 1 MiB limit and 256 KiB syncs give the worker five slots of 1 MiB for 24 MiB: each is written over
    // again and again, and one reused before every drive had it would show in the copies.
    const small = { syncEvery: 256 << 10, fanout: { maxHeld: 1 << 20, stallMs: 60_000 } };
    const drives = ['r1', 'r2', 'r3'].map((d) => path.join(dir, d));
    for (const d of drives) fs.mkdirSync(d);
    const plain = await createBackup({
      ...base,
      ...small,
      source: { kind: 'file', file: big },
      destinations: drives.slice(0, 2),
    });
    const sealed = await createBackup({
      ...base,
      ...small,
      clock: fixedClock('2026-11-24T18:30:00'),
      source: { kind: 'file', file: big },
      destinations: drives.slice(1),
      recipient: testKey.recipient,
    });
    writer.close();
    expect(plain.ok && sealed.ok).toBe(true);
    for (const r of [...plain.results, ...sealed.results])
      await verifyBackup(r.file!, { migrationsFolder, identities: [testKey.identity] });
    // The plain copies are the pages the database showed, byte for byte, but for page 1 saying «rollback journal».
    const expected = Buffer.from(pages);
    expected[18] = expected[19] = 1;
    for (const r of plain.results) expect(fs.readFileSync(r.file!).equals(expected)).toBe(true);
    expect(sealed.manifest.databaseSha256).toBe(plain.manifest.databaseSha256);
    const copy = new Database(plain.results[0]!.file!, { readonly: true });
    expect(copy.prepare('select count(*) as n from blob').get()).toEqual({ n: 384 });
    copy.close();
  });

  it('goes on when one folder is missing, one is full and one has its drive pulled out mid-copy', async () => {
    const good = path.join(dir, 'good');
    const full = path.join(dir, 'full');
    const pulled = path.join(dir, 'pulled');
    const missing = path.join(dir, 'missing');
    for (const d of [good, full, pulled]) fs.mkdirSync(d);
    const fullFs = faultyFs({ dir: full, failWriteAfter: { bytes: 100_000, code: 'ENOSPC' } });
    const pulledFs = faultyFs({ dir: pulled, failWriteAfter: { bytes: 1_000_000, code: 'EIO' }, failUnlink: true });
    // Two faulty layers, each only touching its own folder.
    const fsOps = {
      ...fullFs,
      create: (f: string) => (path.dirname(f) === pulled ? pulledFs.create(f) : fullFs.create(f)),
      unlink: (f: string) => (path.dirname(f) === pulled ? pulledFs.unlink(f) : fullFs.unlink(f)),
    };
    const outcome = await createBackup({
      ...base,
      clock: fixedClock('2026-11-24T19:00:00'),
      source: { kind: 'file', file: live },
      destinations: [good, full, missing, pulled],
      fs: fsOps,
    });
    expect(outcome.ok).toBe(false);
    const byDir = Object.fromEntries(outcome.results.map((r) => [path.basename(r.dir), r]));
    expect(byDir.good?.ok).toBe(true);
    expect(byDir.full?.message).toMatch(/не хватает места/);
    expect(byDir.missing?.message).toMatch(/не найдена/);
    expect(byDir.pulled?.message).toMatch(/извлечён/);
    // Nothing under a final name where the copy failed: the pulled drive keeps only its temporary file.
    expect(finalFiles(full)).toEqual([]);
    expect(fs.readdirSync(full)).toEqual([]);
    expect(finalFiles(pulled)).toEqual([]);
    expect(fs.readdirSync(pulled)).toHaveLength(1);
    expect(fs.existsSync(missing)).toBe(false);
    await verifyBackup(byDir.good!.file!, { migrationsFolder });
    expect((await liveIsIntact(live)).counts).toEqual(before.counts);
  });

  it('refuses a copy that reads back differently from what was written', async () => {
    const flaky = path.join(dir, 'flaky');
    fs.mkdirSync(flaky);
    const outcome = await createBackup({
      ...base,
      source: { kind: 'file', file: live },
      destinations: [flaky],
      fs: faultyFs({ dir: flaky, corruptReadBack: true }),
    });
    expect(outcome.results[0]?.message).toMatch(/прочитана с ошибкой/);
    expect(fs.readdirSync(flaky)).toEqual([]);
    // Further in, with the next blocks held back until this drive has read back what it wrote (one slot of
    // memory): the check that fails, not the wait it ends, is what the drive reports, and the other drive
    // gets its copy.
    const good = path.join(dir, 'flaky-good');
    fs.mkdirSync(good);
    const held = await createBackup({
      ...base,
      clock: fixedClock('2026-11-24T18:30:00'),
      source: { kind: 'file', file: live },
      destinations: [flaky, good],
      fs: faultyFs({ dir: flaky, corruptReadBack: { at: 3 << 20 } }),
      syncEvery: 1 << 20,
      fanout: { maxHeld: 1 << 20, stallMs: 60_000 },
    });
    const [bad, fine] = held.results;
    expect(bad?.message).toMatch(/прочитана с ошибкой/);
    expect(fs.readdirSync(flaky)).toEqual([]);
    expect(fine?.ok).toBe(true);
  });

  it('reports a real small drive as full, and a read-only mount as read-only, before writing to them', async () => {
    const small = path.join(dir, 'tmpfs-small');
    const readOnly = path.join(dir, 'tmpfs-ro');
    const good = path.join(dir, 'good2');
    fs.mkdirSync(good);
    const mounted = await withTmpfs(small, { kib: 1024 }, () =>
      withTmpfs(readOnly, { kib: 16 * 1024, readOnly: true }, async () => {
        const outcome = await createBackup({
          ...base,
          clock: fixedClock('2026-11-24T20:00:00'),
          source: { kind: 'file', file: live },
          destinations: [small, readOnly, good],
        });
        const [s, r, g] = outcome.results;
        expect(s?.message).toMatch(/не хватает места/);
        expect(r?.message).toMatch(/только для чтения/);
        expect(g?.ok).toBe(true);
        expect(fs.readdirSync(small)).toEqual([]);
        expect(fs.readdirSync(readOnly)).toEqual([]);
      }).then((ok) => {
        if (!ok) throw new Error('the second mount failed after the first succeeded');
      }),
    );
    if (!mounted)
      console.warn('mount is not permitted here: full and read-only drives are covered by injected faults only');
  });

  it('on a real drive that fills up in the middle of the copy, leaves nothing behind', async () => {
    // The free-space check is told there is room, so the write itself hits the end of the 3 MiB tmpfs.
    const tight = path.join(dir, 'tmpfs-tight');
    // Through the drive's own thread, as a backup writes: the error's code crosses the thread and names it.
    const drive = startDriveThread();
    await withTmpfs(tight, { kib: 3 * 1024 }, async () => {
      const outcome = await createBackup({
        ...base,
        source: { kind: 'file', file: live },
        destinations: [tight],
        fs: { ...drive.fs, freeBytes: async () => 1 << 30 },
      });
      expect(outcome.results[0]?.message).toMatch(/не хватает места/);
      expect(fs.readdirSync(tight)).toEqual([]);
    }).finally(() => drive.stop());
  });

  it('from a database whose pages are damaged, refuses at the snapshot and gives no drive a file', async () => {
    const damaged = damagedCopy(live, path.join(dir, 'damaged.db'));
    const drives = ['c1', 'c2'].map((d) => path.join(dir, d));
    for (const d of drives) fs.mkdirSync(d);
    const backup = createBackup({
      ...base,
      source: { kind: 'file', file: damaged },
      destinations: drives,
      recipient: testKey.recipient,
    });
    // The live database is what is damaged, and the message says so.
    await expect(backup).rejects.toThrow(/^База данных повреждена/);
    for (const d of drives) expect(fs.readdirSync(d)).toEqual([]);
  });

  it('from a damaged snapshot taken before a migration, fails the check and leaves nothing on any drive, not even a temporary file', async () => {
    // The check runs while the copies are written under temporary names: whatever was written goes.
    const damaged = damagedCopy(live, path.join(dir, 'damaged-snapshot.db'));
    const drives = ['s1', 's2'].map((d) => path.join(dir, d));
    for (const d of drives) fs.mkdirSync(d);
    const backup = createBackup({
      ...base,
      source: { kind: 'snapshot', file: damaged },
      destinations: drives,
      recipient: testKey.recipient,
    });
    await expect(backup).rejects.toThrow(
      /^База данных повреждена: (проверка целостности нашла ошибки .*; )?копия не создана$/,
    );
    for (const d of drives) expect(fs.readdirSync(d)).toEqual([]);
  });

  it('checks on a thread of its own the very snapshot it copies, holding the writer off only while both transactions start', async () => {
    const file = path.join(dir, 'joined.db');
    fs.copyFileSync(live, file);
    const writer = new Database(file);
    let released = false;
    const snapshot = startSnapshot(file, {
      blockBytes: 1 << 20,
      slots: 4,
      sealing: null,
      holdWrites: () => {
        writer.exec('begin immediate');
        return () => {
          writer.exec('rollback');
          released = true;
        };
      },
    });
    try {
      expect(await snapshot.checking).toBe('joined');
      await snapshot.begun;
      // Let go before the backup goes on: a write now commits instead of joining a transaction that is rolled back.
      expect(released).toBe(true);
      expect(writer.inTransaction).toBe(false);
      // Committed after both transactions started: neither the check nor the copy sees it.
      const before = (writer.prepare('select count(*) as n from marks').get() as { n: number }).n;
      writer.prepare('delete from marks where id in (select id from marks limit 10)').run();
      const facts = await snapshot.checked;
      expect(facts.problems).toEqual([]);
      expect(facts.counts.marks).toBe(before);
    } finally {
      await snapshot.stop();
      writer.close();
    }
  });

  it('backs up a database on a read-only drive, checking it before the copy when the writer cannot be held off', async () => {
    const mount = path.join(dir, 'ro-source');
    const ran = await withTmpfs(mount, { kib: 64 * 1024 }, async () => {
      const file = path.join(mount, 'school.db');
      fs.copyFileSync(live, file);
      // A WAL database needs its -shm written even to be read: this one is a rollback-journal file (as a restored backup is).
      const copy = new Database(file);
      copy.pragma('journal_mode = delete');
      copy.close();
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const snapshot = startSnapshot(file, {
        blockBytes: 1 << 20,
        slots: 4,
        sealing: null,
        holdWrites: () => null,
      });
      try {
        expect(await snapshot.checking).toBe('inline');
        expect((await snapshot.checked).problems).toEqual([]);
      } finally {
        await snapshot.stop();
      }
      const drive = path.join(dir, 'from-ro');
      fs.mkdirSync(drive);
      const outcome = await createBackup({
        ...base,
        source: { kind: 'file', file },
        destinations: [drive],
        recipient: testKey.recipient,
      });
      expect(outcome.results.map((r) => r.message)).toEqual(['Копия записана и проверена']);
      const verified = await verifyBackup(outcome.results[0]!.file!, { identities: [testKey.identity] });
      expect(verified.counts.marks).toBeGreaterThan(0);
    });
    if (!ran) console.warn('mount is not permitted here: the read-only source is not tested');
  });

  it('refuses, before anything else, a backup whose memory is not free', async () => {
    // A pebibyte let wait in memory for the slowest drive: no machine here has that.
    const drive = path.join(dir, 'm1');
    fs.mkdirSync(drive);
    const backup = createBackup({
      ...base,
      source: { kind: 'file', file: live },
      destinations: [drive],
      recipient: testKey.recipient,
      fanout: { maxHeld: 2 ** 50, stallMs: 60_000 },
    });
    await expect(backup).rejects.toThrow(
      /^Копия не создана: для неё нужно [\d,]+ МБ свободной памяти, а свободно [\d,]+ МБ\. Закройте другие программы и повторите$/,
    );
    expect(fs.readdirSync(drive)).toEqual([]);
  });

  it('drops a drive that stops answering, and the others get their copies without waiting for it', async () => {
    const hung = path.join(dir, 'hung');
    const fine = path.join(dir, 'fine');
    for (const d of [hung, fine]) fs.mkdirSync(d);
    let answer = () => undefined as void;
    const until = new Promise<void>((resolve) => (answer = resolve));
    const fsOps = faultyFs({ dir: hung, hangWriteAfter: { bytes: 1 << 20, until } });
    let fineDone = false;
    const backup = createBackup({
      ...base,
      source: { kind: 'file', file: live },
      destinations: [hung, fine],
      fs: fsOps,
      recipient: testKey.recipient,
      // Small enough that the hung drive holds the encryption back, and is given up on quickly.
      syncEvery: 256 << 10,
      fanout: { maxHeld: 1 << 20, stallMs: 300 },
      onProgress: (p) => {
        if (p.stage === 'copy' && p.destination === fine && p.written === p.total) fineDone = true;
      },
    });
    let settled = false;
    void backup.finally(() => (settled = true));
    // The good drive finishes while the hung one's write has still not returned.
    await expect.poll(() => fineDone || settled, { timeout: 30_000 }).toBe(true);
    expect(settled).toBe(false);
    await expect.poll(() => finalFiles(fine).length, { timeout: 30_000 }).toBe(2);
    answer();
    const outcome = await backup;
    const [h, f] = outcome.results;
    expect(h?.message).toMatch(/^Носитель .*hung перестал отвечать во время записи/);
    expect(f?.ok).toBe(true);
    expect(fs.readdirSync(hung)).toEqual([]);
    await verifyBackup(f!.file!, { migrationsFolder, identities: [testKey.identity] });
  });

  it('with a read-only folder injected (where mounting is not allowed), reports it and writes nothing', async () => {
    const ro = path.join(dir, 'ro-injected');
    fs.mkdirSync(ro);
    const outcome = await createBackup({
      ...base,
      source: { kind: 'file', file: live },
      destinations: [ro],
      fs: faultyFs({ dir: ro, failCreate: 'EROFS' }),
    });
    expect(outcome.results[0]?.message).toMatch(/только для чтения/);
    expect(fs.readdirSync(ro)).toEqual([]);
  });
});
