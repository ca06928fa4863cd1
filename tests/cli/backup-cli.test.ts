import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { ageDecryptedWithKey, ageTool, skipWithoutAge, testKey } from '../helpers/age';
import { demoDbFile } from '../helpers/backup';
import { capturedOutput } from '../helpers/output';
import { tempDir } from '../helpers/temp';

/** The school's choice for its copies, as the backup screen records it. */
function setEncryption(file: string, recipient: string | null) {
  const client = new Database(file);
  client
    .prepare("insert or replace into settings (key, value) values ('backup.encryption', ?)")
    .run(JSON.stringify({ recipient, createdAt: '2026-09-01 08:00:00' }));
  client.close();
}

describe('zhurnal backup, verify-backup and restore', () => {
  const dir = tempDir();
  const live = demoDbFile(dir);
  const keyFile = path.join(dir, 'key.txt');
  fs.writeFileSync(keyFile, `# public key: ${testKey.recipient}\n${testKey.identity}\n`);
  const output = capturedOutput();
  const backupIn = (d: string) =>
    path.join(
      dir,
      d,
      fs.readdirSync(path.join(dir, d)).find((n) => n.endsWith('.age'))!,
    );

  it('refuses to back up a school that has no key yet, and makes a plain copy only when told so', async () => {
    const plain = path.join(dir, 'plain');
    fs.mkdirSync(plain);
    expect(await main(['backup', '--db', live, '--to', plain])).toBe(1);
    expect(output.err).toMatch(/создайте ключ шифрования/);
    expect(await main(['backup', '--db', live, '--to', plain, '--unencrypted', '--json'])).toBe(0);
    const parsed = JSON.parse(output.out) as { manifest: { encrypted: boolean; file: string } };
    expect(parsed.manifest).toMatchObject({ encrypted: false, file: expect.stringMatching(/-НЕ-ЗАШИФРОВАНО\.db$/) });
  });

  it('prints one line per destination, encrypted to the school’s key, and exits non-zero when one of them failed', async () => {
    setEncryption(live, testKey.recipient);
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    const code = await main(['backup', '--db', live, '--to', a, '--to', path.join(dir, 'nowhere'), '--to', b]);
    expect(code).toBe(2);
    const lines = output.out.trim().split('\n');
    expect(lines.slice(0, 3).map((l) => l.split(' ')[0])).toEqual(['ГОТОВО', 'ОШИБКА', 'ГОТОВО']);
    expect(lines[1]).toMatch(/не найдена/);
    expect(lines[3]).toMatch(/зашифрована/);
  });

  it('verifies a backup with the key file, and refuses another key in Russian', async () => {
    const file = backupIn('a');
    expect(await main(['verify-backup', file])).toBe(1);
    expect(output.err).toMatch(/Копия зашифрована: введите бумажный ключ/);
    expect(await main(['verify-backup', file, '--key-file', keyFile])).toBe(0);
    expect(output.out).toMatch(/Копия исправна: учеников 132/);
    const wrong = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrong, 'AGE-SECRET-KEY-1DAN5RWED44VXFDHXR64W86JRPT6STCNMWSPDKS4RQNLRKQN8NMQSHLFYTD\n');
    expect(await main(['verify-backup', file, '--key-file', wrong])).toBe(1);
    expect(output.err.trim().split('\n').at(-1)).toMatch(/^Ключ не подходит к этой копии/);
  });

  it('restores from a backup and keeps the previous database, encrypted', async () => {
    expect(await main(['restore', '--db', live, '--from', backupIn('a'), '--key-file', keyFile])).toBe(0);
    expect(output.out).toMatch(/База восстановлена/);
    const kept = fs.readdirSync(path.join(dir, 'before-restore'));
    expect(kept.filter((n) => n.endsWith('.db.age'))).toHaveLength(1);
    for (const n of kept) expect(fs.statSync(path.join(dir, 'before-restore', n)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(skipWithoutAge)(
    'makes backups `age -d -i key.txt` decrypts, and verifies an old copy age encrypted with a passphrase',
    { timeout: 60_000 },
    async () => {
      const file = backupIn('a');
      const decrypted = path.join(dir, 'by-age.db');
      ageDecryptedWithKey(file, testKey.identity, decrypted);
      const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as { databaseSha256: string };
      expect(createHash('sha256').update(fs.readFileSync(decrypted)).digest('hex')).toBe(manifest.databaseSha256);

      const byAge = path.join(dir, 'zhurnal-by-age.db.age');
      await ageTool(['-p', '-o', byAge, decrypted], 'другая фраза');
      const pass = path.join(dir, 'pass.txt');
      fs.writeFileSync(pass, 'другая фраза');
      expect(await main(['verify-backup', byAge, '--passphrase-file', pass])).toBe(0);
      expect(output.out).toMatch(/описание рядом с ней не найдено/);
    },
  );
});
