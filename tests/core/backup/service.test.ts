import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock';
import { createCore } from '../../../src/core/app';
import { openDatabase } from '../../../src/core/db/open';
import { contract } from '../../../src/shared/contract';
import { testKey } from '../../helpers/age';
import { firstMigrationOnly } from '../../helpers/backup';
import { pdfText } from '../../helpers/pdf';
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

  it('warns that no backup is made until the school has its key, and offers plugged-in drives', async () => {
    const s = await status();
    expect(s.encryption).toEqual({ mode: 'missing', recipient: null, since: null });
    expect(s.warning).toMatch(/Резервные копии не создаются: создайте ключ шифрования/);
    expect(await admin.value(contract.backup.warning, {})).toEqual({
      warning: s.warning,
      mediaWarnings: s.mediaWarnings,
    });
    expect(s.detected).toEqual([{ path: path.join(dir, 'stick'), label: 'STICK' }]);
    expect(s.schedule.dailyAt).toBe('18:00');
  });

  it('refuses a folder that does not exist and the database’s own folder, with a Russian message', async () => {
    expect(
      await admin.send(contract.backup.addDestination, { path: path.join(dir, 'nope'), password: 'demo' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/не найдена/) },
    });
    expect(
      await admin.send(contract.backup.addDestination, { path: path.dirname(dbFile), password: 'demo' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/не спасёт/) },
    });
    expect(await admin.send(contract.backup.run, {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Добавьте/) },
    });
  });

  /** The database's bytes as they are on the disk, WAL included: where a secret must never be. */
  const databaseBytes = () =>
    Buffer.concat([dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
  let key = { identity: '', keyFile: '' };

  it('refuses to back up before the school has chosen, naming what to do', async () => {
    await admin.value(contract.backup.addDestination, { path: drives[0]!, password: 'demo' });
    await expect(core.services.backup.backup('daily')).rejects.toThrow(/создайте ключ шифрования/);
    expect((await status()).runs[0]).toMatchObject({ reason: 'daily', ok: false });
    await admin.value(contract.backup.removeDestination, { path: drives[0]! });
  });

  it('makes the paper key once: a page with the key and its QR code, a locked key file, and only the public key kept', async () => {
    const made = await admin.value(contract.backup.createKey, { passphrase: 'пароль файла ключа' });
    expect(made.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(made.recipient).toMatch(/^age1/);
    const pdf = path.join(dir, 'paper-key.pdf');
    fs.writeFileSync(pdf, Buffer.from(made.pdf, 'base64'));
    const text = pdfText(pdf);
    expect(text).toMatch(/Ключ резервных копий журнала/);
    expect(text).toMatch(/сейфе директора/);
    expect(text).toMatch(/age -d -i key\.txt/);
    // The key in groups, read back as printed.
    expect(text.replace(/\s+/g, '')).toContain(made.identity);
    expect(made.keyText).toContain(made.identity);
    // Nowhere in the database: not the identity, not the key file's passphrase.
    expect(databaseBytes().includes(made.identity)).toBe(false);
    expect(databaseBytes().includes(made.identity.toLowerCase())).toBe(false);
    expect(databaseBytes().includes(Buffer.from('пароль файла ключа'))).toBe(false);
    expect(databaseBytes().includes(made.recipient)).toBe(true);
    expect((await status()).encryption).toMatchObject({ mode: 'key', recipient: made.recipient });
    // A second key replaces the first only with the admin's password.
    expect(await admin.send(contract.backup.createKey, {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/пароль/) },
    });
    key = { identity: made.identity, keyFile: made.keyFile! };
  });

  it('backs up to every destination with no secret, one of them gone, and shows each one’s outcome', async () => {
    for (const d of [...drives, path.join(dir, 'gone')]) {
      if (!fs.existsSync(d)) fs.mkdirSync(d);
      await admin.value(contract.backup.addDestination, { path: d, password: 'demo' });
    }
    fs.rmdirSync(path.join(dir, 'gone'));
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
    for (const d of drives) {
      for (const name of fs.readdirSync(d)) expect(fs.statSync(path.join(d, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('verifies a copy with the paper key typed as printed, or its file and passphrase, and refuses a wrong key in Russian', async () => {
    const list = await admin.value(contract.backup.list, {});
    expect(list).toHaveLength(2);
    expect(list[0]?.encrypted).toBe(true);
    expect(list[0]?.file.endsWith('.db.age')).toBe(true);
    const file = list[0]!.file;
    expect(await admin.send(contract.backup.verify, { file })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/введите бумажный ключ/) },
    });
    // Typed from the paper: lower case, in groups of five, the prefix left out.
    const typed = key.identity
      .slice('AGE-SECRET-KEY-1'.length)
      .toLowerCase()
      .match(/.{1,5}/g)!
      .join(' ');
    expect((await admin.value(contract.backup.verify, { file, key: typed })).counts.students).toBeGreaterThan(100);
    const fromFile = await admin.value(contract.backup.verify, {
      file,
      keyFile: key.keyFile,
      passphrase: 'пароль файла ключа',
    });
    expect(fromFile.counts.students).toBeGreaterThan(100);
    expect(
      await admin.send(contract.backup.verify, { file, keyFile: key.keyFile, passphrase: 'не тот' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Неверный пароль файла ключа/) },
    });
    expect(await admin.send(contract.backup.verify, { file, key: testKey.identity })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Ключ не подходит к этой копии/) },
    });
    const slip = `${key.identity.slice(0, -1)}${key.identity.endsWith('Q') ? 'P' : 'Q'}`;
    expect(await admin.send(contract.backup.verify, { file, key: slip })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Ключ введён с ошибкой/) },
    });
  });

  it('restores only with the admin’s password; afterwards everybody logs in again and the data is the backup’s', async () => {
    const [entry] = await admin.value(contract.backup.list, {});
    const marks = () => (core.db.$client.prepare('select count(*) as n from marks').get() as { n: number }).n;
    const before = marks();
    core.db.$client.prepare('delete from marks where id in (select id from marks limit 10)').run();
    expect(
      await admin.send(contract.backup.restore, { file: entry!.file, key: key.identity, password: 'wrong' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Неверный пароль администратора' },
    });
    expect(marks()).toBe(before - 10);
    // Taking back a copy with an altered audit log is the school's decision: only with the paper key in hand.
    expect(
      await admin.send(contract.backup.restore, {
        file: entry!.file,
        passphrase: 'an old copy’s passphrase',
        password: 'demo',
        acceptAlteredLog: true,
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/только с бумажным ключом школы/) } });
    expect(marks()).toBe(before - 10);
    // A report on a worker thread holds a connection of its own to the file: the restore closes it too.
    await admin.value(contract.reports.fill, { date: '2026-11-24' });
    const restored = await admin.value(contract.backup.restore, {
      file: entry!.file,
      key: key.identity,
      password: 'demo',
    });
    // The data replaced is kept encrypted to the school's key, readable by this account only.
    expect(restored.safetyCopy).toMatch(/before-restore.*\.db\.age$/);
    expect(fs.statSync(restored.safetyCopy!).mode & 0o777).toBe(0o600);
    expect(marks()).toBe(before);
    expect(await admin.send(contract.backup.status, {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await teacher.send(contract.journal.assignments, {})).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    await admin.value(contract.auth.login, { login: 'admin', password: 'demo' });
    await admin.value(contract.reports.fill, { date: '2026-11-24' });
    const audit = core.db.$client
      .prepare("select count(*) as n, max(new_value) as v from audit_log where action = 'backup.restore'")
      .get() as { n: number; v: string };
    expect(audit.n).toBe(1);
    // The copy's audit log was checked with this computer's key, and found whole.
    expect(JSON.parse(audit.v)).toMatchObject({ auditChain: 'whole' });
    // The installation's backup settings and history survive the restore: no false «never backed up».
    const after = await status();
    expect(after.destinations).toHaveLength(3);
    expect(after.runs[0]?.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect((await admin.value(contract.backup.warning, {})).warning).toBeNull();
  });

  it('makes plain copies only when the admin chooses so with her password, and names them so', async () => {
    expect(await admin.send(contract.backup.chooseUnencrypted, { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { message: 'Неверный пароль администратора' },
    });
    expect((await status()).encryption.mode).toBe('key');
    await admin.value(contract.backup.chooseUnencrypted, { password: 'demo' });
    expect((await status()).encryption.mode).toBe('none');
    const outcome = await core.services.backup.backup('daily');
    expect(outcome.manifest.file).toMatch(/-НЕ-ЗАШИФРОВАНО\.db$/);
    expect(outcome.manifest.encrypted).toBe(false);
    // Back to a key: replacing plain copies takes the password too.
    expect((await admin.send(contract.backup.createKey, { password: 'wrong' })).ok).toBe(false);
    expect((await admin.send(contract.backup.createKey, { password: 'demo' })).ok).toBe(true);
  });
});

describe('a backup before an update migrates the database', () => {
  const dir = tempDir();

  /** A school on the first migration only, with these settings, then opened by this version. */
  function updatedSchool(name: string, settings: Record<string, unknown>) {
    const oldMigrations = firstMigrationOnly(migrationsFolder, path.join(dir, name));
    const dbFile = path.join(dir, name, 'live', 'zhurnal.db');
    const drive = path.join(dir, name, 'drive');
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    fs.mkdirSync(drive);
    // The old schema alone (today's services would not run on it).
    const old = openDatabase(dbFile, { migrationsFolder: oldMigrations, create: true }).$client;
    const insert = old.prepare('insert into settings (key, value) values (?, ?)');
    insert.run('backup.destinations', JSON.stringify([{ path: drive, label: 'drive' }]));
    for (const [key, value] of Object.entries(settings)) insert.run(key, JSON.stringify(value));
    old.close();
    const updated = createCore({
      dbFile,
      migrationsFolder,
      clock: fixedClock('2026-11-24T08:05:00'),
      backup: { appVersion: 'new' },
    });
    return { updated, dbFile, drive, beside: path.join(dir, name, 'live', 'before-update') };
  }

  it('backs the database up as it was, encrypted, to the destinations and beside it, and drops the stored passphrase', async () => {
    const { updated, dbFile, drive, beside } = updatedSchool('keyed', {
      'backup.encryption': { recipient: testKey.recipient, createdAt: '2026-09-01 08:00:00' },
      'backup.passphrase': 'старый пароль в открытом виде',
    });
    try {
      const runs = () => updated.services.backup.config.runs();
      // Started in the background by the update itself.
      expect(updated.services.backup.isBusy()).toBe(true);
      await updated.services.backup.whenIdle();
      expect(runs()[0]).toMatchObject({ reason: 'migration', ok: true });
      const manifestName = fs.readdirSync(drive).find((n) => n.endsWith('.manifest.json'))!;
      const manifest = JSON.parse(fs.readFileSync(path.join(drive, manifestName), 'utf8')) as {
        schemaVersion: string;
        encrypted: boolean;
      };
      expect(manifest).toMatchObject({ schemaVersion: '0000_initial', encrypted: true });
      // Beside the database only the encrypted copy is left, the plain snapshot it came from removed.
      const local = fs.readdirSync(beside).sort();
      expect(local).toEqual(['zhurnal-2026-11-24_0805-00.db.age', 'zhurnal-2026-11-24_0805-00.db.age.manifest.json']);
      for (const n of local) expect(fs.statSync(path.join(beside, n)).mode & 0o777).toBe(0o600);
      updated.db.$client.pragma('wal_checkpoint(TRUNCATE)');
      const bytes = fs.readFileSync(dbFile);
      expect(bytes.includes(Buffer.from('старый пароль в открытом виде'))).toBe(false);
      expect(updated.services.backup.config.snapshot().map((r) => r.key)).not.toContain('backup.passphrase');
    } finally {
      updated.close();
    }
  });

  it('with no key yet, keeps the plain snapshot beside the database, named so and readable by this account only', async () => {
    const { updated, beside } = updatedSchool('no-key', {});
    try {
      await updated.services.backup.whenIdle();
      const local = fs.readdirSync(beside);
      expect(local).toEqual([expect.stringMatching(/^zhurnal-before-update-.*-НЕ-ЗАШИФРОВАНО\.db$/)]);
      expect(fs.statSync(path.join(beside, local[0]!)).mode & 0o777).toBe(0o600);
    } finally {
      updated.close();
    }
  });
});
