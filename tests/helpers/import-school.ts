// A school of three classes (5А, 5Б, 6А in 2025/2026) with the admin logged in, and the import as the admin's
// screen runs it: inspect → the guessed mapping → preview or commit.
import { beforeAll } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import {
  contract,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type StudentImportOptions,
} from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { directCaller, testCore } from './core';
import { b64 } from './import-files';

export const order = { orderNumber: '112-у', orderDate: '2025-09-01' };
export const header = ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс', 'Пол'];

type Bytes = Buffer | string;
/** What a test adds to the file's import: options of the students' order, or skipping the rows with errors. */
type Extra = { options?: Partial<StudentImportOptions>; skipInvalid?: boolean };

export function setUp() {
  const core = testCore({ clock: fixedClock('2025-10-15T10:00:00') });
  const api = directCaller(core);
  const count = (sql: string) => (core.db.$client.prepare(`select count(*) as n from ${sql}`).get() as { n: number }).n;
  const counts = () => ({
    students: count('students'),
    enrollments: count('class_enrollments'),
    movements: count('student_movements'),
    classes: count('classes'),
    users: count('users'),
  });
  const ready = (async () => {
    await api.value(contract.setup.createSchool, {
      schoolName: 'МБОУ СШ № 3',
      admin: { login: 'admin', password: 'надёжный-пароль1', lastName: 'Петрова', firstName: 'Анна' },
    });
    await api.value(contract.auth.login, { login: 'admin', password: 'надёжный-пароль1' });
    const yearId = (core.db.$client.prepare('select id from school_years').get() as { id: number }).id;
    for (const [grade, letter] of [
      [5, 'А'],
      [5, 'Б'],
      [6, 'А'],
    ] as const)
      core.db.$client
        .prepare('insert into classes (year_id, grade, letter) values (?, ?, ?)')
        .run(yearId, grade, letter);
  })();
  // A test that counts rows before its first run() must see the school already made (it was flaky: 0 classes
  // counted before, 3 after). Called inside a describe, so this hook belongs to that describe.
  beforeAll(() => ready);
  /** inspect → the guessed mapping → preview or commit, as the admin's screen does it. */
  async function run(
    fileName: string,
    bytes: Bytes,
    what: 'preview',
    extra?: Extra,
    kind?: ImportKind,
  ): Promise<Result<ImportPreview>>;
  async function run(
    fileName: string,
    bytes: Bytes,
    what: 'commit',
    extra?: Extra,
    kind?: ImportKind,
  ): Promise<Result<ImportResult>>;
  async function run(
    fileName: string,
    bytes: Bytes,
    what: 'preview' | 'commit',
    extra: Extra = {},
    kind: ImportKind = 'students',
  ): Promise<Result<ImportPreview | ImportResult>> {
    await ready;
    const contentBase64 = b64(bytes);
    const inspected = await api.send(contract.imports.inspect, { kind, fileName, contentBase64 });
    if (!inspected.ok) return inspected;
    const { mapping } = inspected.value;
    const input =
      kind === 'students'
        ? { kind, fileName, contentBase64, mapping, options: { ...order, ...extra.options } }
        : { kind, fileName, contentBase64, mapping };
    return what === 'preview'
      ? api.send(contract.imports.preview, input)
      : api.send(contract.imports.commit, { ...input, skipInvalid: extra.skipInvalid });
  }
  return { core, api, counts, run, ready };
}
