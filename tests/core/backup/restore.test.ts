import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { restoreBackup, type RestoreOptions } from '../../../src/core/backup/restore';
import { createBackup } from '../../../src/core/backup/run';
import { encryptFile, passphraseSealingKey } from '../../../src/core/backup/age';
import type { EncryptionConfig } from '../../../src/core/backup/config';
import { NativeScryptIdentity } from '../../../src/core/backup/scrypt-recipient';
import { safetyCopy } from '../../../src/core/backup/safety-copy';
import { verifyBackup } from '../../../src/core/backup/verify';
import { fixedClock } from '../../../src/core/clock';
import { openDatabase } from '../../../src/core/db/open';
import { createAuditService } from '../../../src/core/audit/service';
import { demoDbFile, firstMigrationOnly, knownMigrations } from '../../helpers/backup';
import { ageDecryptedWithKey, skipWithoutAge, testKey } from '../../helpers/age';
import { migrationsFolder, tempDir } from '../../helpers/temp';

const clock = fixedClock('2026-11-24T18:00:00');
const school = [testKey.identity];
const keyed: EncryptionConfig = { recipient: testKey.recipient, createdAt: '2026-09-01 08:00:00' };

async function backupOf(file: string, to: string, recipient: string | null = testKey.recipient): Promise<string> {
  fs.mkdirSync(to, { recursive: true });
  const outcome = await createBackup({
    source: { kind: 'file', file },
    destinations: [to],
    clock,
    appVersion: 'test',
    migrationsFolder,
    recipient,
  });
  if (!outcome.ok) throw new Error(outcome.results[0]?.message);
  return outcome.results[0]!.file!;
}

const marksIn = (file: string) => {
  const client = new Database(file, { readonly: true });
  try {
    return (client.prepare('select count(*) as n from marks').get() as { n: number }).n;
  } finally {
    client.close();
  }
};

let safetyCopies = 0;

/**
 * Restore as a shell does it: the live connection gives the safety copy (encrypted to the school's key unless
 * `encryption` says otherwise), is closed, and is opened again.
 */
function restoreInto(
  live: string,
  file: string,
  extra: Partial<RestoreOptions> = {},
  encryption: EncryptionConfig | null = keyed,
) {
  let client: Database.Database | null = openDatabase(live, { migrationsFolder }).$client;
  return restoreBackup({
    file,
    identities: school,
    liveFile: live,
    migrationsFolder,
    clock,
    takeSafetyCopy: () =>
      safetyCopy({
        client: client!,
        liveFile: live,
        encryption,
        // A second apart each, so that no two safety copies share a name.
        clock: fixedClock(`2026-11-24T19:00:${String(safetyCopies++).padStart(2, '0')}`),
        appVersion: 'test',
        migrationsFolder,
      }),
    release: () => {
      client?.close();
      client = null;
    },
    reacquire: () => {
      client = openDatabase(live, { migrationsFolder }).$client;
      client.close();
    },
    ...extra,
  }).finally(() => client?.close());
}

describe('verify and restore', () => {
  const dir = tempDir();
  const live = demoDbFile(dir);
  let backup = '';

  it('verifies an encrypted backup only with the school’s key, refusing another in Russian', async () => {
    backup = await backupOf(live, path.join(dir, 'drive'));
    expect(backup.endsWith('.db.age')).toBe(true);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${backup}.manifest.json`).mode & 0o777).toBe(0o600);
    const verified = await verifyBackup(backup, { identities: school, migrationsFolder });
    expect(verified.encrypted).toBe(true);
    expect(verified.counts.marks).toBe(marksIn(live));
    const other = ['AGE-SECRET-KEY-1DAN5RWED44VXFDHXR64W86JRPT6STCNMWSPDKS4RQNLRKQN8NMQSHLFYTD'];
    await expect(verifyBackup(backup, { identities: other })).rejects.toThrow(/Ключ не подходит к этой копии/);
    await expect(verifyBackup(backup, {})).rejects.toThrow(/введите бумажный ключ школы/);
    // Restore refuses it too, before touching anything.
    const before = fs.readFileSync(live);
    await expect(restoreInto(live, backup, { identities: other })).rejects.toThrow(/Ключ не подходит/);
    expect(fs.readFileSync(live).equals(before)).toBe(true);
  });

  it.skipIf(skipWithoutAge)('makes copies the standard `age -d -i key.txt` opens with the paper key', () => {
    const opened = path.join(dir, 'by-age.db');
    ageDecryptedWithKey(backup, testKey.identity, opened);
    expect(marksIn(opened)).toBe(marksIn(live));
  });

  it('restores a copy made before the school had a key with the passphrase it was made with', async () => {
    const plain = await backupOf(live, path.join(dir, 'old-plain'), null);
    const old = path.join(dir, 'old-encrypted', 'zhurnal-2025-05-20_1800-00.db.age');
    fs.mkdirSync(path.dirname(old));
    await encryptFile(plain, old, await passphraseSealingKey('старый пароль копий', 10));
    await expect(verifyBackup(old, { identities: school })).rejects.toThrow(/Ключ не подходит/);
    const passphrase = [new NativeScryptIdentity('старый пароль копий')];
    expect((await verifyBackup(old, { identities: passphrase, migrationsFolder })).counts.marks).toBe(marksIn(live));
    const restored = await restoreInto(live, old, { identities: passphrase });
    expect(marksIn(live)).toBe(marksIn(plain));
    expect(restored.safetyCopy).toMatch(/before-restore/);
  });

  it('refuses a copy with a flipped byte or cut short, with or without its manifest, and restores nothing from it', async () => {
    const bytes = fs.readFileSync(backup);
    const flipped = path.join(dir, 'drive', 'zhurnal-2026-11-24_1800-01.db.age');
    const cut = path.join(dir, 'drive', 'zhurnal-2026-11-24_1800-02.db.age');
    const bad = Buffer.from(bytes);
    bad[bad.length >> 1]! ^= 0x01;
    fs.writeFileSync(flipped, bad);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 5000));
    for (const file of [flipped, cut]) {
      // Without a manifest the decryption's own authentication catches it.
      await expect(verifyBackup(file, { identities: school })).rejects.toThrow(/повреждена/);
      fs.copyFileSync(`${backup}.manifest.json`, `${file}.manifest.json`);
      await expect(verifyBackup(file, { identities: school })).rejects.toThrow(/контрольная сумма файла не совпадает/);
      const before = fs.readFileSync(live);
      await expect(restoreInto(live, file)).rejects.toThrow(/повреждена/);
      expect(fs.readFileSync(live).equals(before)).toBe(true);
    }
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.zhurnal'))).toEqual([]);
  });

  it('refuses a plain copy whose pages were damaged', async () => {
    const plain = await backupOf(live, path.join(dir, 'plain'), null);
    const bytes = fs.readFileSync(plain);
    // Damage a page deep in the file (not the header), and drop the manifest so only SQLite's own check is left.
    for (let i = 0; i < 4096; i++) bytes[bytes.length - 8192 + i] = 0x5a;
    fs.writeFileSync(plain, bytes);
    // With its manifest, the copy's own hash gives it away first.
    await expect(verifyBackup(plain, {})).rejects.toThrow(/контрольная сумма файла не совпадает/);
    fs.rmSync(`${plain}.manifest.json`);
    await expect(verifyBackup(plain, {})).rejects.toThrow(/повреждена/);
  });

  it('restores: the live data goes back to the backup, and what it held before is kept encrypted as a safety copy', async () => {
    const client = new Database(live);
    client.prepare('delete from marks where id in (select id from marks limit 100)').run();
    client.close();
    const afterDelete = marksIn(live);
    const restored = await restoreInto(live, backup);
    expect(fs.existsSync(`${live}-wal`)).toBe(false);
    expect(marksIn(live)).toBe(afterDelete + 100);
    const safety = restored.safetyCopy!;
    expect(path.dirname(safety)).toBe(path.join(dir, 'before-restore'));
    expect(safety.endsWith('.db.age')).toBe(true);
    expect(fs.statSync(safety).mode & 0o777).toBe(0o600);
    const opened = path.join(dir, 'safety-opened.db');
    await verifyBackup(safety, { identities: school, keepAs: opened });
    expect(marksIn(opened)).toBe(afterDelete);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.zhurnal'))).toEqual([]);
  });

  it('with no key yet, keeps the safety copy only until the restore succeeded', async () => {
    const restored = await restoreInto(live, backup, {}, null);
    expect(restored.safetyCopy).toBeNull();
    const left = fs.readdirSync(path.join(dir, 'before-restore'));
    expect(left.filter((n) => n.includes('НЕ-ЗАШИФРОВАНО'))).toEqual([]);
  });

  it('migrates an older backup forward before it replaces anything', async () => {
    const oldMigrations = firstMigrationOnly(migrationsFolder, dir);
    const oldFile = path.join(dir, 'old.db');
    openDatabase(oldFile, { migrationsFolder: oldMigrations, create: true }).$client.close();
    const oldBackup = await backupOf(oldFile, path.join(dir, 'old-drive'));
    expect((await verifyBackup(oldBackup, { identities: school, migrationsFolder })).schemaVersion).toBe(
      '0000_initial',
    );
    await restoreInto(live, oldBackup);
    const client = new Database(live, { readonly: true });
    expect((client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(
      knownMigrations(migrationsFolder).count,
    );
    client.close();
  });

  it('refuses a backup made by a newer version, leaving the live database as it was', async () => {
    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(live, newer);
    const client = new Database(newer);
    client.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', 99999999999999);
    client.close();
    const newerBackup = await backupOf(newer, path.join(dir, 'newer-drive'));
    const before = fs.readFileSync(live);
    await expect(restoreInto(live, newerBackup)).rejects.toThrow(/более новой версией/);
    expect(fs.readFileSync(live).equals(before)).toBe(true);
  });

  it('refuses a copy edited behind the app’s back: triggers dropped, or an audit entry rewritten (unless accepted)', async () => {
    // Entries sealed with this computer's key (zhurnal-audit.key beside the live file).
    const db = openDatabase(live, { migrationsFolder });
    const audit = createAuditService({ db, clock });
    for (const n of [1, 2, 3]) audit.record({ userId: null, action: 'school.test', entity: 'school', newValue: { n } });
    db.$client.close();
    const edited = (name: string, edit: (client: Database.Database) => void) => {
      const file = path.join(dir, name);
      fs.copyFileSync(live, file);
      const client = new Database(file);
      edit(client);
      client.close();
      return file;
    };
    const before = fs.readFileSync(live);
    const noTrigger = await backupOf(
      edited('no-trigger.db', (c) => c.exec('drop trigger audit_log_no_delete')),
      path.join(dir, 'e1'),
    );
    await expect(restoreInto(live, noTrigger)).rejects.toThrow(/удалён триггер audit_log_no_delete/);
    // The careful forger puts the triggers back exactly as they were: the schema is then as the app made it.
    const rewritten = await backupOf(
      edited('rewritten.db', (c) => {
        const triggers = c.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as {
          name: string;
          sql: string;
        }[];
        for (const t of triggers) c.exec(`drop trigger ${t.name}`);
        c.exec(`update audit_log set new_value = '{"n":9}' where id = (select max(id) - 1 from audit_log)`);
        for (const t of triggers) c.exec(t.sql);
      }),
      path.join(dir, 'e2'),
    );
    await expect(restoreInto(live, rewritten)).rejects.toThrow(
      /Копия не восстановлена: Журнал действий изменён вне программы: цепочка нарушена на записи № \d+/,
    );
    expect(fs.readFileSync(live).equals(before)).toBe(true);
    // A copy nobody edited is whole.
    expect((await restoreInto(live, await backupOf(live, path.join(dir, 'e3')))).chain).toBe('whole');
    // The school may still decide to take the edited one back (with the paper key, which the service asks for);
    // the log then stays broken at that entry, as verify-audit will say.
    const accepted = await restoreInto(live, rewritten, { acceptAlteredLog: true });
    expect(accepted.chain).toBe('altered-accepted');
  });

  it('refuses to swap while another process still holds the database, and reopens it unchanged', async () => {
    const before = marksIn(live);
    const other = new Database(live);
    other.pragma('journal_mode = WAL');
    other.prepare('select 1').get();
    try {
      await expect(restoreInto(live, backup)).rejects.toThrow(/открыта другой программой/);
    } finally {
      other.close();
    }
    expect(marksIn(live)).toBe(before);
  });
});
