import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { createCore } from '../../src/core/app';
import { systemClock } from '../../src/core/clock';
import { cp1251, csv, xlsx } from '../helpers/import-files';
import { capturedOutput } from '../helpers/output';
import { migrationsFolder, tempDir } from '../helpers/temp';

describe('zhurnal import students|teachers', () => {
  const dir = tempDir();
  const output = capturedOutput();
  const db = path.join(dir, 'school.db');
  const count = (table: string) => {
    const sql = new Database(db, { readonly: true });
    try {
      return (sql.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      sql.close();
    }
  };
  let orderDate = '';

  beforeAll(async () => {
    const core = createCore({ dbFile: db, migrationsFolder, clock: systemClock, create: true });
    await core.services.setup.createSchool({
      schoolName: 'МБОУ СШ № 5',
      admin: { login: 'admin', password: 'надёжный-пароль1', lastName: 'Петрова', firstName: 'Анна' },
    });
    const year = core.services.school.currentYear();
    core.db.$client.prepare("insert into classes (year_id, grade, letter) values (?, 5, 'А')").run(year.id);
    orderDate = year.startDate.split('-').reverse().join('.');
    core.close();
  });

  const header = ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Пол'];

  it('checks a class list with --dry-run: per-row errors in Russian, exit 1, nothing written', async () => {
    const file = path.join(dir, '5а.csv');
    fs.writeFileSync(
      file,
      cp1251(csv([header, ['Иванов', 'Иван', '', '10.10.2014', 'м'], ['Петрова', '', '', '31.02.2014', 'ж']])),
    );
    expect(
      await main([
        'import',
        'students',
        '--db',
        db,
        '--file',
        file,
        '--class',
        '5А',
        '--order-number',
        '12',
        '--order-date',
        orderDate,
        '--dry-run',
      ]),
    ).toBe(1);
    expect(output.err).toMatch(/^строка 3: Не заполнено имя; дата рождения «31.02.2014» не читается/m);
    expect(output.err).toMatch(/Ничего не записано/);
    expect(count('students')).toBe(0);
  });

  it('writes a valid list into the class given by --class, and the same file again adds nobody', async () => {
    const file = path.join(dir, '5а.xlsx');
    fs.writeFileSync(
      file,
      await xlsx([header, ['Иванов', 'Иван', '', '10.10.2014', 'м'], ['Петрова', 'Ольга', '', '03.02.2014', 'ж']]),
    );
    const args = [
      'import',
      'students',
      '--db',
      db,
      '--file',
      file,
      '--class',
      '5А',
      '--order-number',
      '12',
      '--order-date',
      orderDate,
    ];
    expect(await main([...args, '--dry-run'])).toBe(0);
    expect(output.out).toMatch(/новых 2, уже есть 0, с ошибками 0/);
    expect(count('students')).toBe(0);
    expect(await main(args)).toBe(0);
    expect(output.out).toMatch(/Записано: 2/);
    expect(count('class_enrollments')).toBe(2);
    expect(await main(args)).toBe(0);
    expect(count('students')).toBe(2);
    expect(await main(args.slice(0, 8))).toBe(1);
    expect(output.err).toMatch(/укажите --order-number НОМЕР --order-date ДД.ММ.ГГГГ/);
  });

  it('creates teachers and prints their one-time passwords', async () => {
    const file = path.join(dir, 'teachers.csv');
    fs.writeFileSync(
      file,
      csv(
        [
          ['Фамилия', 'Имя', 'Отчество'],
          ['Сидорова', 'Елена', 'Павловна'],
        ],
        ',',
      ),
    );
    expect(await main(['import', 'teachers', '--db', db, '--file', file])).toBe(0);
    expect(output.out).toMatch(/^sidorova\.ep\t[a-z0-9]{10}\tСидорова Елена Павловна$/m);
    expect(count('users')).toBe(2);
    expect(await main(['import', 'nobody', '--db', db, '--file', file])).toBe(1);
    expect(output.err).toMatch(/import students\|teachers/);
  });
});
