import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { capturedOutput } from '../helpers/output';
import { tempDir } from '../helpers/temp';

describe('the zhurnal CLI', () => {
  const dir = tempDir();
  const output = capturedOutput();

  it('prints help and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(output.out).toMatch(/demo/);
    expect(output.out).toMatch(/serve/);
  });

  it('creates the demo school in a new file, audited under the command and the OS account, and refuses to overwrite it', async () => {
    const file = path.join(dir, 'demo.db');
    expect(await main(['demo', '--db', file, '--tier', 'small', '--years', '1', '--today', '2026-11-24'])).toBe(0);
    expect(output.out).toMatch(/Демонстрационная школа создана/);
    const sql = new Database(file, { readonly: true });
    const logged = sql
      .prepare("select user_id as userId, new_value as newValue from audit_log where action = 'school.demo'")
      .all();
    sql.close();
    const cli = `demo: ${os.userInfo().username}@${os.hostname()}`;
    expect(logged).toEqual([
      { userId: null, newValue: JSON.stringify({ tier: 'small', years: 1, today: '2026-11-24', cli }) },
    ]);
    const size = fs.statSync(file).size;
    expect(await main(['demo', '--db', file, '--tier', 'small'])).toBe(1);
    expect(output.err).toMatch(/уже существует/);
    expect(output.err.trim().split('\n')).toHaveLength(1);
    expect(fs.statSync(file).size).toBe(size);
  });

  it('writes a report as JSON, XLSX and PDF, and names the reports when asked for an unknown one', async () => {
    const db = path.join(dir, 'demo.db');
    const json = path.join(dir, 'progress.json');
    expect(
      await main([
        'report',
        'progress',
        '--db',
        db,
        '--period',
        '1',
        '--level',
        'grade',
        '--format',
        'json',
        '--out',
        json,
      ]),
    ).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      title: string;
      data: { level: string; rows: { label: string }[] };
    };
    expect(report.title).toBe('Итоги успеваемости');
    expect(report.data.level).toBe('grade');
    expect(report.data.rows.map((r) => r.label)).toContain('5 классы');
    const xlsx = path.join(dir, 'att.xlsx');
    expect(
      await main(['report', 'attendance-year', '--db', db, '--class', '5А', '--format', 'xlsx', '--out', xlsx]),
    ).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(dir, 'sheet.pdf');
    expect(await main(['report', 'summary-sheet', '--db', db, '--class', '5а', '--format', 'pdf', '--out', pdf])).toBe(
      0,
    );
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await main(['report', 'nonsense', '--db', db, '--format', 'json', '--out', json])).toBe(1);
    expect(output.err).toMatch(/Неизвестный отчёт «nonsense». Отчёты: progress, attendance-month/);
    expect(
      await main(['report', 'attendance-year', '--db', db, '--class', '5Я', '--format', 'json', '--out', json]),
    ).toBe(1);
    expect(output.err).toMatch(/нет класса «5Я»/);
  });

  it('fails with one line on bad input', async () => {
    expect(await main(['demo', '--db', path.join(dir, 'x.db'), '--tier', 'huge'])).toBe(1);
    expect(output.err).toMatch(/Неизвестный размер школы/);
    expect(await main(['frobnicate'])).toBe(1);
    expect(await main(['serve', '--db', path.join(dir, 'missing.db')])).toBe(1);
    expect(output.err).toMatch(/не найден/);
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
    expect(await main(['demo', '--bogus'])).toBe(1);
  });
});
