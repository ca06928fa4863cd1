import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock';
import { createCore } from '../../../src/core/app';
import { contract } from '../../../src/shared/contract';
import { firstMigrationOnly } from '../../helpers/backup';
import { schoolFixture } from '../../helpers/school';
import { migrationsFolder, tempDir } from '../../helpers/temp';

describe('backups through the contract', () => {
  const dir = tempDir();
  const dbFile = path.join(dir, 'live', 'zhurnal.db');
  fs.mkdirSync(path.dirname(dbFile));
  const { core, callers } = schoolFixture({
    school: 'demo',
    now: '2026-11-24T18:00:00',
    core: {
      dbFile,
      backup: {
        appVersion: 'test',
        workFactor: 10,
        listDrives: async () => [{ path: path.join(dir, 'stick'), label: 'STICK' }],
      },
    },
    as: { admin: 'admin', teacher: 'uchitel' },
  });
  const { admin, teacher } = callers;
  const drives = ['d1', 'd2'].map((d) => path.join(dir, d));
  for (const d of drives) fs.mkdirSync(d);
  const status = () => admin.value(contract.backup.status, {});

  it('is for the admin only', async () => {
    expect((await teacher.send(contract.backup.status, {})).ok).toBe(false);
    expect(await teacher.send(contract.backup.run, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('warns that there is no backup yet, and offers plugged-in drives', async () => {
    const s = await status();
    expect(s.warning).toMatch(/ни разу/);
    expect(await admin.value(contract.backup.warning, {})).toEqual({ warning: s.warning });
    expect(s.detected).toEqual([{ path: path.join(dir, 'stick'), label: 'STICK' }]);
    expect(s.schedule.dailyAt).toBe('18:00');
  });

  it('refuses a folder that does not exist and the database’s own folder, with a Russian message', async () => {
    expect(await admin.send(contract.backup.addDestination, { path: path.join(dir, 'nope') })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/не найдена/) },
    });
    expect(await admin.send(contract.backup.addDestination, { path: path.dirname(dbFile) })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/не спасёт/) },
    });
    expect(await admin.send(contract.backup.run, {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Добавьте/) },
    });
  });

  it('backs up to every destination, one of them gone, and shows each one’s outcome', async () => {
    for (const d of [...drives, path.join(dir, 'gone')]) {
      if (!fs.existsSync(d)) fs.mkdirSync(d);
      await admin.value(contract.backup.addDestination, { path: d });
    }
    fs.rmdirSync(path.join(dir, 'gone'));
    await admin.value(contract.backup.setPassphrase, { passphrase: 'длинный пароль копий' });
    await admin.value(contract.backup.run, {});
    // The run goes on in the background, as on the screen, which follows it through the status.
    expect((await status()).running).not.toBeNull();
    await core.services.backup.whenIdle();
    const s = await status();
    expect(s.running).toBeNull();
    expect(s.runs[0]?.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(s.destinations[2]).toMatchObject({ available: false, lastError: expect.stringMatching(/не найдена/) });
    expect(s.destinations[0]?.lastSuccessAt).toBe('2026-11-24 18:00:00');
    expect(s.warning).toBeNull();
    expect(s.passphraseSet).toBe(true);
  });

  it('lists the backups it finds and verifies one with the stored passphrase', async () => {
    const list = await admin.value(contract.backup.list, {});
    expect(list).toHaveLength(2);
    expect(list[0]?.encrypted).toBe(true);
    const v = await admin.value(contract.backup.verify, { file: list[0]!.file });
    expect(v.counts.students).toBeGreaterThan(100);
    expect(await admin.send(contract.backup.verify, { file: list[0]!.file, passphrase: 'не тот' })).toMatchObject({
      ok: false,
      error: { message: 'Неверный пароль шифрования копии' },
    });
  });

  it('restores only with the admin’s password; afterwards everybody logs in again and the data is the backup’s', async () => {
    const [entry] = await admin.value(contract.backup.list, {});
    const marks = () => (core.db.$client.prepare('select count(*) as n from marks').get() as { n: number }).n;
    const before = marks();
    core.db.$client.prepare('delete from marks where id in (select id from marks limit 10)').run();
    expect(await admin.send(contract.backup.restore, { file: entry!.file, password: 'wrong' })).toMatchObject({
      ok: false,
      error: { message: 'Неверный пароль администратора' },
    });
    expect(marks()).toBe(before - 10);
    // A report on a worker thread holds a connection of its own to the file: the restore closes it too.
    await admin.value(contract.reports.fill, { date: '2026-11-24' });
    const restored = await admin.value(contract.backup.restore, { file: entry!.file, password: 'demo' });
    expect(fs.existsSync(restored.safetyCopy)).toBe(true);
    expect(marks()).toBe(before);
    expect(await admin.send(contract.backup.status, {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await teacher.send(contract.journal.assignments, {})).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    await admin.value(contract.auth.login, { login: 'admin', password: 'demo' });
    await admin.value(contract.reports.fill, { date: '2026-11-24' });
    const audit = core.db.$client
      .prepare("select count(*) as n from audit_log where action = 'backup.restore'")
      .get() as { n: number };
    expect(audit.n).toBe(1);
    // The installation's backup settings and history survive the restore: no false «never backed up».
    const after = await status();
    expect(after.destinations).toHaveLength(3);
    expect(after.runs[0]?.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(await admin.value(contract.backup.warning, {})).toEqual({ warning: null });
  });
});

describe('a backup before an update migrates the database', () => {
  const dir = tempDir();

  it('copies the database as it was before the migration beside it and to the destinations', async () => {
    const oldMigrations = firstMigrationOnly(migrationsFolder, dir);
    const dbFile = path.join(dir, 'live', 'zhurnal.db');
    const drive = path.join(dir, 'drive');
    fs.mkdirSync(path.dirname(dbFile));
    fs.mkdirSync(drive);
    const old = createCore({
      dbFile,
      migrationsFolder: oldMigrations,
      clock: fixedClock('2026-11-24T08:00:00'),
      create: true,
    });
    old.db.$client
      .prepare("insert into settings (key, value) values ('backup.destinations', ?)")
      .run(JSON.stringify([{ path: drive, label: 'drive' }]));
    old.close();

    const updated = createCore({
      dbFile,
      migrationsFolder,
      clock: fixedClock('2026-11-24T08:05:00'),
      backup: { appVersion: 'new' },
    });
    try {
      const local = fs.readdirSync(path.join(dir, 'live', 'before-update'));
      expect(local).toHaveLength(1);
      const runs = () => updated.services.backup.config.runs();
      // Started in the background by the update itself.
      expect(updated.services.backup.isBusy()).toBe(true);
      await updated.services.backup.whenIdle();
      expect(runs()[0]).toMatchObject({ reason: 'migration', ok: true });
      const manifestName = fs.readdirSync(drive).find((n) => n.endsWith('.manifest.json'))!;
      const manifest = JSON.parse(fs.readFileSync(path.join(drive, manifestName), 'utf8')) as {
        schemaVersion: string;
        appVersion: string;
      };
      expect(manifest.schemaVersion).toBe('0000_initial');
    } finally {
      updated.close();
    }
  });
});
