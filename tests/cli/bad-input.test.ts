// Bad input for the CLI: hostile arguments get one Russian line on stderr, exit code 1, no output
// file, and the school's database stays exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { buildAccessSchool } from '../helpers/access-school';
import { testCore } from '../helpers/core';
import { capturedOutput } from '../helpers/output';
import { integrity, tableHashes } from '../helpers/table-hash';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const core = testCore({ dbFile: path.join(dir, 'school.db') });
const db = path.join(dir, 'school.db');
const out = path.join(dir, 'out.json');
let before: Record<string, string>;

beforeAll(() => {
  buildAccessSchool(core);
  before = tableHashes(core.db.$client);
});

const cases: [string, string[], RegExp][] = [
  ['an impossible date', ['report', 'fill', '--date', '2025-02-30'], /Такой даты нет в календаре/],
  [
    'a month that does not exist',
    ['report', 'attendance-month', '--class', '5А', '--month', '2025-13'],
    /Месяц в формате ГГГГ-ММ/,
  ],
  ['a negative student id', ['report', 'statement', '--class', '5А', '--period', '1', '--student=-1'], /больше нуля/],
  [
    'a dash-led value without =',
    ['report', 'statement', '--class', '5А', '--period', '1', '--student', '-1'],
    /Значение --student начинается с дефиса/,
  ],
  ['an unknown option', ['report', 'fill', '--drop-tables'], /Неизвестный параметр --drop-tables/],
  [
    'a student id that is not a number',
    ['report', 'statement', '--class', '5А', '--period', '1', '--student', '1 OR 1=1'],
    /Ожидается номер записи|целое/,
  ],
  [
    'a huge student id',
    ['report', 'statement', '--class', '5А', '--period', '1', '--student', '1e308'],
    /целое|Too big|меньше/i,
  ],
  ['SQL as a period', ['report', 'progress', '--period', "'; DROP TABLE marks; --"], /Нет периода/],
  ['a script tag as a class', ['report', 'attendance-year', '--class', '<script>alert(1)</script>'], /нет класса/],
  ['an RTL override in a class', ['report', 'attendance-year', '--class', '\u202E5А'], /нет класса/],
  ['full-width digits in a date', ['report', 'fill', '--date', '２０２５-09-01'], /ГГГГ-ММ-ДД/],
  ['a reversed range', ['report', 'control', '--from', '2025-09-30', '--to', '2025-09-01'], /позже/],
  ['SQL as a year', ['report', 'movement', '--year', "2025/2026' OR '1'='1"], /Нет учебного года/],
  ['an unknown level', ['report', 'progress', '--period', '1', '--level', 'school; DROP'], /level/],
];

describe('the CLI refuses hostile arguments and changes nothing', () => {
  const output = capturedOutput();

  it.each(cases)('%s', async (_name, args, message) => {
    expect(await main([...args, '--db', db, '--format', 'json', '--out', out])).toBe(1);
    expect(output.err).toMatch(message);
    expect(output.err.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an impossible --today and a non-numeric --seed for the demo without creating a file', async () => {
    const file = path.join(dir, 'demo.db');
    expect(await main(['demo', '--db', file, '--today', '2025-02-30'])).toBe(1);
    expect(output.err).toMatch(/--today: нет такой даты/);
    expect(await main(['demo', '--db', file, '--seed', 'abc'])).toBe(1);
    expect(output.err).toMatch(/--seed/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('left the database whole and unchanged', () => {
    expect(integrity(core.db.$client)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(tableHashes(core.db.$client)).toEqual(before);
  });
});
