import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDbFile, tmpfsForTest } from '../helpers/backup';
import { startServe } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp';

/** `nobody`: as root every file is writable, so the read-only file is served by an ordinary user. */
const nobody = 65534;

/**
 * `zhurnal serve` on a file that cannot be a working journal refuses to start, says why, and leaves the file as
 * it was: a zero-byte file used to become a new school with its setup wizard open to anyone, a read-only one
 * started and then failed every login.
 */
describe('serve refuses a file it cannot keep a journal in', () => {
  const dir = tempDir();
  fs.chmodSync(dir, 0o755); // mkdtemp makes it 0700: nobody could not reach the folders inside
  let school: string;
  beforeAll(() => {
    school = demoDbFile(dir);
  });
  const folder = (name: string) => {
    const made = path.join(dir, name);
    fs.mkdirSync(made);
    return made;
  };

  it('a zero-byte file: no new school, the file stays empty', { timeout: 60_000 }, async () => {
    const db = path.join(folder('empty'), 'school.db');
    fs.writeFileSync(db, '');
    const served = await startServe(db);
    expect(served.ok).toBe(false);
    if (served.ok) return;
    expect(served.code).toBe(1);
    expect(served.stderr).toMatch(/^Файл базы данных .*school\.db пуст \(0 байт\): школы в нём нет/);
    expect(fs.statSync(db).size).toBe(0);
  });

  it("another program's database: refused, byte for byte unchanged", { timeout: 60_000 }, async () => {
    const db = path.join(folder('foreign'), 'photos.db');
    const other = new Database(db);
    other.exec("create table albums (title text); insert into albums values ('Выпускной')");
    other.close();
    const before = fs.readFileSync(db);
    const served = await startServe(db);
    expect(served.ok).toBe(false);
    if (served.ok) return;
    expect(served.stderr).toMatch(/база данных другой программы, не Журнала \(таблицы: albums\)/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('a read-only file in a writable folder, for the user who runs the server', { timeout: 60_000 }, async () => {
    const where = folder('read-only-file');
    const db = path.join(where, 'school.db');
    fs.copyFileSync(school, db);
    fs.chmodSync(db, 0o444);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const target of [where, db]) fs.chownSync(target, nobody, nobody);
    const before = fs.readFileSync(db);
    const served = await startServe(db, asRoot ? { uid: nobody } : {});
    expect(served.ok).toBe(false);
    if (served.ok) return;
    expect(served.stderr).toMatch(
      /^Файл базы данных .*school\.db доступен только для чтения: Журнал не смог бы сохранить ни одного изменения и не запущен/,
    );
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  describe('on a read-only disk', () => {
    const disk = path.join(dir, 'read-only-disk');
    let mounted = false;
    afterAll(() => {
      if (mounted) execFileSync('umount', [disk]);
    });

    it('refused at start, naming it', { timeout: 60_000 }, async (context) => {
      mounted = tmpfsForTest(disk, 16 * 1024, context);
      const db = path.join(disk, 'school.db');
      fs.copyFileSync(school, db);
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      const served = await startServe(db);
      expect(served.ok).toBe(false);
      if (served.ok) return;
      expect(served.stderr).toMatch(/^Файл базы данных .*school\.db доступен только для чтения/);
    });
  });
});
