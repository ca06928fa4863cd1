// The audit log for the command line: printing, exporting, importing, backing up and restoring from the CLI
// leave their entries in the school's audit log like the app's, without a school account (nobody logged in)
// but naming the command and the OS account — and the log viewer shows them so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { auditValues } from '../../src/shared/audit-values';
import { contract } from '../../src/shared/contract';
import { buildAccessSchool, loggedIn, type AccessSchool } from '../helpers/access-school';
import { testCore } from '../helpers/core';
import { csv } from '../helpers/import-files';
import { capturedOutput } from '../helpers/output';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const db = path.join(dir, 'school.db');
const core = testCore({ dbFile: db });
let school: AccessSchool;
const me = `${os.userInfo().username}@${os.hostname()}`;

interface Entry {
  userId: number | null;
  action: string;
  entityId: string | null;
  newValue: Record<string, unknown>;
}
function entries(file: string, action: string): Entry[] {
  const sql = new Database(file, { readonly: true });
  try {
    const rows = sql
      .prepare(
        'select user_id as userId, action, entity_id as entityId, new_value as newValue from audit_log where action = ? order by id',
      )
      .all(action) as Array<Omit<Entry, 'newValue'> & { newValue: string }>;
    return rows.map((r) => ({ ...r, newValue: JSON.parse(r.newValue) as Record<string, unknown> }));
  } finally {
    sql.close();
  }
}

beforeAll(() => {
  school = buildAccessSchool(core);
});

describe('the CLI writes what it does to the audit log, under the command and the OS account', () => {
  const output = capturedOutput();

  it('print --class: the book, and with personal data a «viewed» entry per student of the class', async () => {
    const out = path.join(dir, 'книга.pdf');
    expect(await main(['print', '--db', db, '--class', '5А', '--personal-data', '--out', out])).toBe(0);
    const [book] = entries(db, 'print.book');
    expect(book).toMatchObject({
      userId: null,
      entityId: String(school.classes.c5),
      newValue: { file: out, personalData: true, cli: `print: ${me}` },
    });
    const enrolled = core.db.$client
      .prepare('select count(distinct student_id) from class_enrollments where class_id = ?')
      .pluck()
      .get(school.classes.c5) as number;
    const viewed = entries(db, 'student.view_personal').filter((e) => e.newValue.via === 'print');
    expect(enrolled).toBeGreaterThan(0);
    expect(viewed).toHaveLength(enrolled);
    expect(viewed.every((e) => e.userId === null && e.newValue.cli === `print: ${me}`)).toBe(true);
  });

  it('print --all: the school run', async () => {
    expect(await main(['print', '--db', db, '--all', '--out-dir', path.join(dir, 'книги')])).toBe(0);
    expect(entries(db, 'print.school')).toEqual([
      expect.objectContaining({
        userId: null,
        entityId: String(school.year),
        newValue: { duplex: false, personalData: false, cli: `print: ${me}` },
      }),
    ]);
  });

  it('report: the export of the whole school to a file', async () => {
    const out = path.join(dir, 'fill.json');
    expect(await main(['report', 'fill', '--db', db, '--date', '2025-09-01', '--format', 'json', '--out', out])).toBe(
      0,
    );
    expect(entries(db, 'report.export')).toEqual([
      expect.objectContaining({
        userId: null,
        entityId: 'fill',
        newValue: expect.objectContaining({ format: 'json', file: out, cli: `report fill: ${me}` }),
      }),
    ]);
  });

  it('import teachers and students: every account and enrolment, none of them written as a school user’s', async () => {
    const teachers = path.join(dir, 'учителя.csv');
    fs.writeFileSync(
      teachers,
      csv([
        ['Фамилия', 'Имя', 'Отчество'],
        ['Кузнецова', 'Мария', 'Петровна'],
      ]),
    );
    expect(await main(['import', 'teachers', '--db', db, '--file', teachers])).toBe(0);
    expect(entries(db, 'import.teachers')).toEqual([
      expect.objectContaining({
        userId: null,
        newValue: expect.objectContaining({ created: 1, cli: `import teachers: ${me}` }),
      }),
    ]);
    expect(entries(db, 'users.create').map((e) => [e.userId, e.newValue.cli])).toEqual([
      [null, `import teachers: ${me}`],
    ]);

    const students = path.join(dir, 'ученики.csv');
    fs.writeFileSync(
      students,
      csv([
        ['Фамилия', 'Имя', 'Дата рождения'],
        ['Новикова', 'Анна', '12.03.2014'],
      ]),
    );
    expect(
      await main([
        'import',
        'students',
        '--db',
        db,
        '--file',
        students,
        '--class',
        '5А',
        '--order-number',
        '7-у',
        '--order-date',
        '01.10.2025',
      ]),
    ).toBe(0);
    expect(entries(db, 'import.students')).toEqual([
      expect.objectContaining({ userId: null, newValue: expect.objectContaining({ cli: `import students: ${me}` }) }),
    ]);
    const order = core.db.$client
      .prepare("select created_by as createdBy from student_movements where order_number = '7-у'")
      .all();
    expect(order).toEqual([{ createdBy: null }]);
  });

  it('backup and restore: the run in the live database, the restore in the restored one', async () => {
    const to = path.join(dir, 'копии');
    fs.mkdirSync(to);
    // This school chose no key yet: a plain copy only when the command says so.
    expect(await main(['backup', '--db', db, '--to', to, '--unencrypted'])).toBe(0);
    const [run] = entries(db, 'backup.run');
    expect(run).toMatchObject({
      userId: null,
      newValue: { reason: 'cli', ok: true, written: 1, destinations: 1, cli: `backup: ${me}` },
    });
    const file = path.join(
      to,
      fs.readdirSync(to).find((n) => n.endsWith('.db'))!,
    );
    expect(run?.entityId).toBe(path.basename(file));

    const restored = path.join(dir, 'восстановлена', 'school.db');
    fs.mkdirSync(path.dirname(restored));
    expect(await main(['restore', '--db', restored, '--from', file])).toBe(0);
    expect(entries(restored, 'backup.restore')).toEqual([
      expect.objectContaining({ userId: null, newValue: expect.objectContaining({ file, cli: `restore: ${me}` }) }),
    ]);
    // The restored log goes on from the backup's: what the CLI printed before is still there.
    expect(entries(restored, 'print.book')).toHaveLength(1);
  });

  it('the log viewer names the command line and the OS account as who did it', async () => {
    const admin = await loggedIn(core, 'admin');
    const { rows } = await admin.value(contract.audit.list, { filter: { kind: 'printing' } });
    expect(auditValues(rows[0]!).after).toBe(`«Наполняемость классов», JSON, файл ${path.join(dir, 'fill.json')}`);
    expect(rows.map((r) => [r.action, r.user])).toEqual([
      ['report.export', `командная строка (report fill: ${me})`],
      ['print.school', `командная строка (print: ${me})`],
      ['print.book', `командная строка (print: ${me})`],
    ]);
    expect(output.err).toBe('');
  });
});
