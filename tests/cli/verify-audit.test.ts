// `zhurnal verify-audit`: in a process of its own, beside nothing, on the school's file and on an edited copy.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { runCli } from '../helpers/cli-process';
import { schoolFixture } from '../helpers/school';

describe('zhurnal verify-audit', () => {
  const { sql, tiny, logIn } = schoolFixture({ school: 'tiny', now: '2025-10-20T10:00:00', as: {} });
  const dbFile = sql.name;

  it('says the chain is whole on the school’s file, and names the entry where an edited copy breaks', async () => {
    const math = await logIn('math');
    const lessons = sql
      .prepare(
        "select id from lessons where assignment_id = ? and status = 'held' and date <= '2025-10-20' order by date limit 3",
      )
      .all(tiny.assignments.mat5) as { id: number }[];
    for (const [i, lesson] of lessons.entries()) {
      await math.value(contract.journal.setMark, {
        lessonId: lesson.id,
        studentId: tiny.students.C,
        value1: (['3', '4', '5'] as const)[i]!,
      });
    }
    sql.exec('pragma wal_checkpoint(truncate)');
    const whole = await runCli(['verify-audit', '--db', dbFile]);
    expect(whole.stdout).toMatch(/Журнал действий цел: проверено записей — \d+, цепочка не нарушена/);
    expect(whole.code).toBe(0);

    const copy = path.join(path.dirname(dbFile), 'edited.db');
    fs.copyFileSync(dbFile, copy);
    const edited = new Database(copy);
    edited.exec('drop trigger audit_log_no_update');
    const target = edited
      .prepare("select id from audit_log where action like 'mark.%' order by id limit 1 offset 1")
      .get() as { id: number };
    edited.prepare(`update audit_log set new_value = replace(new_value, '"4"', '"2"') where id = ?`).run(target.id);
    edited.close();
    const broken = await runCli(['verify-audit', '--db', copy, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      whole: false,
      brokenAt: { id: target.id, reason: 'changed' },
      summary: expect.stringMatching(new RegExp(`нарушена на записи № ${target.id} от 20\\.10\\.2025`)),
    });
  });

  it('cannot vouch for a file whose key is elsewhere, and says so', async () => {
    const away = fs.mkdtempSync(path.join(path.dirname(path.dirname(dbFile)), 'away-'));
    const copy = path.join(away, 'school.db');
    fs.copyFileSync(dbFile, copy);
    const run = await runCli(['verify-audit', '--db', copy]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Ключ журнала действий не найден .*проверить цепочку нельзя/);
  });

  it('refuses a missing file in Russian', async () => {
    const run = await runCli(['verify-audit', '--db', '/nonexistent/school.db']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Файл базы \/nonexistent\/school.db не найден/);
  });
});
