import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { storageFailure } from '../../src/core/db/failures';
import { openDatabase } from '../../src/core/db/open';
import { claimJournal } from '../../src/core/db/owner-lock';
import { AppError } from '../../src/shared/errors';
import { migrationsFolder, tempDir } from '../helpers/temp';

const dir = tempDir();
let n = 0;
const fileIn = (name: string) => path.join(fs.mkdtempSync(path.join(dir, `case-${n++}-`)), name);

/** A migrated, empty school's file, closed. */
function journalFile(): string {
  const file = fileIn('school.db');
  openDatabase(file, { migrationsFolder, create: true }).$client.close();
  return file;
}

function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('opened');
}

describe('a file that is not a school is refused, never turned into one', () => {
  it('a zero-byte file, even where the desktop app would create a school', () => {
    for (const create of [false, true]) {
      const file = fileIn('zhurnal.db');
      fs.writeFileSync(file, '');
      const error = refusal(() => openDatabase(file, { migrationsFolder, create }));
      expect(error.kind).toBe('io');
      expect(error.message).toMatch(/пуст \(0 байт\).*не создаёт новую/);
      expect(fs.statSync(file).size).toBe(0);
    }
  });

  it("another program's SQLite database, with its tables named; the file unchanged", () => {
    const file = fileIn('contacts.db');
    const other = new Database(file);
    other.exec("create table contacts (name text); insert into contacts values ('Иванов')");
    other.close();
    const before = fs.readFileSync(file);
    expect(refusal(() => openDatabase(file, { migrationsFolder, create: true })).message).toMatch(
      /другой программы.*contacts/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('an SQLite file with no tables: a school only where the app creates its own', () => {
    const file = fileIn('blank.db');
    new Database(file).exec('pragma user_version = 0; vacuum');
    expect(refusal(() => openDatabase(file, { migrationsFolder })).message).toMatch(/нет ни одной таблицы/);
  });

  it("a new school's file appears under its name only once it is whole", () => {
    const file = fileIn('zhurnal.db');
    openDatabase(file, { migrationsFolder, create: true }).$client.close();
    expect(fs.readdirSync(path.dirname(file))).toEqual(['zhurnal.db']);
  });
});

describe('a schema changed by hand is refused before serving, naming the table', () => {
  it('a dropped table', () => {
    const file = journalFile();
    const raw = new Database(file);
    raw.exec('drop table thematic_plan_topics');
    raw.close();
    const error = refusal(() => openDatabase(file, { migrationsFolder }));
    expect(error.message).toMatch(/не совпадает.*нет таблицы thematic_plan_topics.*не изменён/);
  });

  it('a column added or changed', () => {
    const file = journalFile();
    const raw = new Database(file);
    raw.exec('alter table students add column nickname text');
    raw.close();
    expect(refusal(() => openDatabase(file, { migrationsFolder })).message).toMatch(
      /в таблице students изменены столбцы: nickname/,
    );
  });

  it('the audit log’s append-only triggers dropped, or a trigger of its own added', () => {
    const dropped = journalFile();
    let raw = new Database(dropped);
    raw.exec('drop trigger audit_log_no_delete');
    raw.close();
    expect(refusal(() => openDatabase(dropped, { migrationsFolder })).message).toMatch(
      /удалён триггер audit_log_no_delete/,
    );
    const added = journalFile();
    raw = new Database(added);
    raw.exec("create trigger sneaky after insert on marks begin update marks set value1 = '5' where id = new.id; end");
    raw.close();
    expect(refusal(() => openDatabase(added, { migrationsFolder })).message).toMatch(/добавлен чужой триггер sneaky/);
  });

  it('the schema the migrations make passes, again and again', () => {
    const file = journalFile();
    for (let i = 0; i < 2; i++) openDatabase(file, { migrationsFolder }).$client.close();
  });
});

describe('one program owns a journal (in one process: the lock is the same for two processes, see tests/cli/one-owner)', () => {
  it('a second claim is refused with who holds it; released, the file is free again', () => {
    const file = journalFile();
    const core = createCore({
      dbFile: file,
      migrationsFolder,
      clock: fixedClock('2026-11-24T10:00:00'),
      owner: 'zhurnal serve',
    });
    core.lock!.announce('http://127.0.0.1:8080/');
    const error = refusal(() =>
      createCore({ dbFile: file, migrationsFolder, clock: fixedClock('2026-11-24T10:00:00'), owner: 'Журнал' }),
    );
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(
      new RegExp(
        `^Журнал уже открыт: компьютер .+, программа «zhurnal serve» \\(процесс ${process.pid}\\), с \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d\\. Подключитесь к ней: http://127\\.0\\.0\\.1:8080/`,
      ),
    );
    // A reader (a report, a print) still opens it beside the owner.
    createCore({ dbFile: file, migrationsFolder, clock: fixedClock('2026-11-24T10:00:00') }).close();
    core.close();
    claimJournal(file, 'zhurnal import').release();
  });
});

describe('failures of the disk and the file are named, not «internal»', () => {
  const sqlite = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['SQLITE_FULL', 'io', /На диске, где хранится журнал \(папка \/srv\/zh\), нет места: освободите/],
    ['SQLITE_READONLY_DBMOVED', 'io', /только для чтения/],
    ['SQLITE_BUSY', 'conflict', /занята другой программой/],
    ['SQLITE_CORRUPT', 'io', /повреждён.*резервной копии/],
    ['SQLITE_IOERR_WRITE', 'io', /Ошибка диска/],
    ['ENOSPC', 'io', /нет места/],
    ['EROFS', 'io', /только для чтения/],
    ['EACCES', 'io', /Нет прав/],
  ])('%s', (code, kind, message) => {
    const named = storageFailure(sqlite(code), '/srv/zh/zhurnal.db');
    expect(named?.kind).toBe(kind);
    expect(named?.message).toMatch(message);
  });
  it('anything else stays a bug', () => {
    expect(storageFailure(new TypeError('x is undefined'))).toBeNull();
    expect(storageFailure(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
  });
});
