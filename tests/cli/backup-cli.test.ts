import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { ageTool, skipWithoutAge } from '../helpers/age';
import { demoDbFile } from '../helpers/backup';
import { capturedOutput } from '../helpers/output';
import { tempDir } from '../helpers/temp';

describe('zhurnal backup, verify-backup and restore', () => {
  const dir = tempDir();
  const live = demoDbFile(dir);
  const passFile = path.join(dir, 'pass.txt');
  fs.writeFileSync(passFile, 'кодовая фраза для копий\n');
  const output = capturedOutput();

  it('prints one line per destination and exits non-zero when one of them failed', async () => {
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    const code = await main([
      'backup',
      '--db',
      live,
      '--to',
      a,
      '--to',
      path.join(dir, 'nowhere'),
      '--to',
      b,
      '--passphrase-file',
      passFile,
    ]);
    expect(code).toBe(2);
    const lines = output.out.trim().split('\n');
    expect(lines.slice(0, 3).map((l) => l.split(' ')[0])).toEqual(['ГОТОВО', 'ОШИБКА', 'ГОТОВО']);
    expect(lines[1]).toMatch(/не найдена/);
  });

  it('exits 0 when all succeeded, and --json says the same in one object', async () => {
    const c = path.join(dir, 'c');
    fs.mkdirSync(c);
    expect(await main(['backup', '--db', live, '--to', c, '--json'])).toBe(0);
    const parsed = JSON.parse(output.out) as {
      ok: boolean;
      destinations: { ok: boolean }[];
      manifest: { encrypted: boolean };
    };
    expect(parsed.ok).toBe(true);
    expect(parsed.manifest.encrypted).toBe(false);
  });

  it('verifies a backup, and refuses it with the wrong passphrase', async () => {
    const file = path.join(
      dir,
      'a',
      fs.readdirSync(path.join(dir, 'a')).find((n) => n.endsWith('.age'))!,
    );
    expect(await main(['verify-backup', file, '--passphrase-file', passFile])).toBe(0);
    expect(output.out).toMatch(/Копия исправна: учеников 132/);
    const wrong = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrong, 'не та фраза');
    expect(await main(['verify-backup', file, '--passphrase-file', wrong])).toBe(1);
    expect(output.err.trim()).toBe('Неверный пароль шифрования копии');
  });

  it('restores from a backup and keeps the previous database', async () => {
    const file = path.join(
      dir,
      'a',
      fs.readdirSync(path.join(dir, 'a')).find((n) => n.endsWith('.age'))!,
    );
    expect(await main(['restore', '--db', live, '--from', file, '--passphrase-file', passFile])).toBe(0);
    expect(output.out).toMatch(/База восстановлена/);
    expect(fs.readdirSync(path.join(dir, 'before-restore'))).toHaveLength(1);
  });

  it.skipIf(skipWithoutAge)(
    'makes backups the standard age tool decrypts, and verifies what age encrypted',
    async () => {
      const file = path.join(
        dir,
        'a',
        fs.readdirSync(path.join(dir, 'a')).find((n) => n.endsWith('.age'))!,
      );
      const decrypted = path.join(dir, 'by-age.db');
      await ageTool(['-d', '-o', decrypted, file], 'кодовая фраза для копий');
      const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as { databaseSha256: string };
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(fs.readFileSync(decrypted)).digest('hex')).toBe(manifest.databaseSha256);

      const byAge = path.join(dir, 'zhurnal-by-age.db.age');
      await ageTool(['-p', '-o', byAge, decrypted], 'другая фраза');
      const pass2 = path.join(dir, 'pass2.txt');
      fs.writeFileSync(pass2, 'другая фраза');
      expect(await main(['verify-backup', byAge, '--passphrase-file', pass2])).toBe(0);
      expect(output.out).toMatch(/описание рядом с ней не найдено/);
    },
  );
});
