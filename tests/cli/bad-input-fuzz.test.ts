// Bad input for the CLI, generated: every command with one of its options (or its name, or a stray
// option or argument) made malformed, oversized or hostile, the rest well-formed. Each run must end with a
// non-zero exit code and one Russian line on stderr without a stack trace, write no output file and no demo
// database, and leave the school's database whole with every table as it was. CLI_FUZZ_RUNS sets the count.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { parseDate } from '../../src/core/imports/values';
import { isLoopback } from '../../src/host/guard';
import { isoDate } from '../../src/shared/contract/common';
import { buildAccessSchool } from '../helpers/access-school';
import { testCore } from '../helpers/core';
import { badNumbers, hugeStrings, impossibleDates, scriptTags, sqlFragments, unicodeEdges } from '../helpers/hostile';
import { csv } from '../helpers/import-files';
import { capturedOutput } from '../helpers/output';
import { integrity, tableHashes } from '../helpers/table-hash';
import { tempDir } from '../helpers/temp';

const runs = Number(process.env['CLI_FUZZ_RUNS'] ?? 300);
const dir = tempDir();
const db = path.join(dir, 'school.db');
const core = testCore({ dbFile: db });
const outDir = path.join(dir, 'out');
const out = path.join(outDir, 'файл.pdf');
const newDb = path.join(outDir, 'demo.db');
const list = path.join(dir, 'список.csv');
const dest = path.join(dir, 'копии');
let before: Record<string, string>;

beforeAll(() => {
  buildAccessSchool(core);
  fs.mkdirSync(dest);
  fs.writeFileSync(
    list,
    csv([
      ['Фамилия', 'Имя', 'Дата рождения'],
      ['Новикова', 'Анна', '12.03.2014'],
    ]),
  );
  before = tableHashes(core.db.$client);
});

/** Hostile strings of every sort (control characters, bidi marks, huge values, paths), as they arrive on a command line. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...sqlFragments,
    ...scriptTags,
    ...unicodeEdges,
    ...impossibleDates,
    ...hugeStrings,
    ...badNumbers.map(String),
  ),
  fc.constantFrom(
    '-1',
    '--',
    '-',
    '0',
    '1e308',
    '０',
    'NaN',
    'null',
    '../../etc/passwd',
    '/dev/null',
    'C:\\Windows',
    '%s%n',
    '${HOME}',
    '5А; rm -rf /',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** Only values the option cannot take: the command must fail however the rest is written. */
const refused = (ok: (v: string) => boolean) => hostile.filter((v) => !ok(v));
const anyClass = (v: string) => /^\s*(1|5|10)\s*[«"]?\s*[Аа]\s*[»"]?\s*$/.test(v);
const realIso = (v: string) => isoDate.safeParse(v).success;
const positiveInt = (v: string) => Number.isSafeInteger(Number(v)) && Number(v) > 0;

interface Spec {
  base: string[];
  /** option (or '' for the positional after the command) → values it refuses. */
  poison: Record<string, fc.Arbitrary<string>>;
}

const report = (name: string, ...rest: string[]) => [
  'report',
  name,
  '--db',
  db,
  '--format',
  'json',
  '--out',
  out,
  ...rest,
];
const specs: Record<string, Spec> = {
  report: {
    base: report('statement', '--class', '5А', '--period', '1', '--student', '1'),
    poison: {
      '': refused((v) => /^[a-z-]+$/.test(v)),
      '--class': refused(anyClass),
      '--period': refused((v) => /^\s*[1-4]\s*$|^\s*(год|year)\s*$|четверть|полугодие/i.test(v)),
      '--student': refused(positiveInt),
      '--year': refused((v) => v === '2025/2026'),
      '--format': refused((v) => ['pdf', 'xlsx', 'json'].includes(v)),
    },
  },
  'report-dates': {
    base: report('control', '--from', '2025-09-01', '--to', '2025-09-30'),
    poison: {
      '--from': refused(realIso),
      '--to': refused(realIso),
      '--level': refused((v) => ['class', 'subject', 'teacher', 'grade', 'school'].includes(v)),
    },
  },
  'report-month': {
    base: report('attendance-month', '--class', '5А', '--month', '2025-09'),
    poison: { '--month': refused((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v)) },
  },
  print: {
    base: ['print', '--db', db, '--class', '5А', '--out', out],
    poison: {
      '--class': refused(anyClass),
      '--year': refused((v) => v === '2025/2026'),
      '--db': refused((v) => fs.existsSync(v)),
    },
  },
  import: {
    base: [
      'import',
      'students',
      '--db',
      db,
      '--file',
      list,
      '--class',
      '5А',
      '--order-number',
      '7-у',
      '--order-date',
      '01.10.2025',
    ],
    poison: {
      '': refused((v) => v === 'students' || v === 'teachers'),
      '--order-date': refused((v) => parseDate(v) !== null),
      '--file': refused((v) => fs.existsSync(v)),
    },
  },
  backup: {
    base: ['backup', '--db', db, '--to', dest],
    poison: { '--db': refused((v) => fs.existsSync(v)) },
  },
  'verify-backup': {
    base: ['verify-backup', db],
    poison: { '': refused((v) => fs.existsSync(v)), '--key-file': refused((v) => fs.existsSync(v)) },
  },
  restore: {
    base: ['restore', '--db', db, '--from', path.join(dir, 'нет.db')],
    poison: { '--from': refused((v) => fs.existsSync(v)) },
  },
  demo: {
    base: ['demo', '--db', newDb, '--tier', 'small'],
    poison: {
      '--tier': refused((v) => ['small', 'typical', 'large'].includes(v)),
      '--years': refused((v) => Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 10),
      '--seed': refused((v) => Number.isSafeInteger(Number(v))),
      '--today': refused(realIso),
    },
  },
  serve: {
    base: ['serve', '--db', db, '--port', '0', '--host', '10.0.0.1'],
    poison: {
      '--port': refused((v) => Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= 65535),
      '--host': refused((v) => v === '' || isLoopback(v) || v === 'localhost'),
    },
  },
};

/** The base command with one option replaced (or added), or its positional replaced. */
function poisoned(spec: Spec, option: string, value: string): string[] {
  const args = [...spec.base];
  if (option === '') {
    args[1] = value;
    return args;
  }
  const at = args.indexOf(option);
  // `--x=value` keeps a dash-led value a value (parseArgs would take `-1` for an option and say so instead).
  if (at >= 0) args.splice(at, 2, `${option}=${value}`);
  else args.push(`${option}=${value}`);
  return args;
}

const strayOption = fc
  .stringMatching(/^[a-z][a-z-]{0,20}$/)
  .filter((o) => !['db', 'class', 'out', 'help', 'h'].includes(o))
  .map((o) => `--${o}-x`);
const call: fc.Arbitrary<string[]> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...Object.values(specs))
      .chain((spec) =>
        fc
          .constantFrom(...Object.keys(spec.poison))
          .chain((option) => spec.poison[option]!.map((v) => poisoned(spec, option, v))),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...Object.values(specs)), strayOption).map(([spec, o]) => [...spec.base, o]),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...Object.values(specs))
      .map((spec) => [...spec.base.filter((a) => !a.startsWith('--out')), '--class']),
  },
  {
    weight: 1,
    arbitrary: refused((v) => Object.keys(specs).includes(v) || v === 'help' || v === '').map((v) => [v, '--db', db]),
  },
);

const stackTrace =
  /\n\s+at |node:internal|(Type|Range|Reference|Syntax|Sqlite)Error|ENOENT|EACCES|EISDIR|undefined|\[object /;

describe(`the CLI, ${runs} generated hostile command lines`, () => {
  const output = capturedOutput();

  it('each ends non-zero with one Russian line on stderr and writes nothing', async () => {
    const wrong: string[] = [];
    const tally: Record<string, number> = {};
    for (const args of fc.sample(call, { numRuns: runs, seed: Number(process.env['CLI_FUZZ_SEED'] ?? 3) })) {
      output.out = '';
      output.err = '';
      const code = await main(args);
      const command = Object.keys(specs).includes(args[0] ?? '') ? args[0]! : 'unknown command';
      tally[command] = (tally[command] ?? 0) + 1;
      const line = output.err.trim();
      const shown = args.map((a) => (a.length > 60 ? `${a.slice(0, 60)}…(${a.length})` : a)).join(' ');
      if (code === 0) wrong.push(`exit 0: ${shown}`);
      else if (line.split('\n').length !== 1 || !/[А-Яа-яЁё]/.test(line) || stackTrace.test(line))
        wrong.push(`${shown}\n  → ${line.slice(0, 300)}`);
      if (fs.existsSync(outDir)) {
        wrong.push(`wrote ${fs.readdirSync(outDir).join(', ')}: ${shown}`);
        fs.rmSync(outDir, { recursive: true });
      }
    }
    console.log(`CLI fuzz: ${runs} command lines, ${wrong.length} wrong; by command ${JSON.stringify(tally)}`);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('left the school’s database whole, every table as it was, and no backup made', () => {
    expect(integrity(core.db.$client)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(tableHashes(core.db.$client)).toEqual(before);
    expect(fs.readdirSync(dest)).toEqual([]);
  });
});
