// Unknown keys: every channel's well-formed call (the permission table's, rows.ts) with a
// generated key its schema does not name, put at a generated place — the top level, a nested object, an
// object in a list — is refused with `validation` through the real dispatcher, by an account that holds
// every role, and the database stays whole and unchanged. Without the rule zod would strip the key and the
// call would go through doing less than was asked. FUZZ_RUNS sets the payloads per channel.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawInputProblem } from '../../../src/core/api/raw-input';
import { allChannels } from '../../../src/shared/contract';
import { unknownKey } from '../../../src/shared/contract/unknown-keys';
import type { Role } from '../../../src/shared/roles';
import { buildAccessSchool, sessionCaller, type AccessSchool } from '../../helpers/access-school';
import { testCore } from '../../helpers/core';
import { integrity, tableHashes } from '../../helpers/table-hash';
import { tempDir } from '../../helpers/temp';
import { rows } from '../access/rows';

const runs = Number(process.env['FUZZ_RUNS'] ?? 100);
const core = testCore();
const tmp = tempDir();
let school: AccessSchool;
let invoke: ReturnType<typeof sessionCaller>;
let before: Record<string, string>;
const totals = { payloads: 0, channels: 0 };

beforeAll(async () => {
  school = buildAccessSchool(core);
  invoke = sessionCaller(core, 'root');
  await invoke('auth:me');
  before = tableHashes(core.db.$client);
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every plain object inside a value, as a path of keys and indexes from the top. */
function objectPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...at, i]));
  if (!isRecord(value)) return [];
  return [at, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...at, k]))];
}

/** A deep copy with `key: value` added to the object at `path`. */
function withKey(input: unknown, path: (string | number)[], key: string, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  target[key] = value;
  return copy;
}

const extraKey = fc.oneof(
  fc.constantFrom(
    'id',
    'userId',
    'isAdmin',
    'roles',
    'constructor',
    'toString',
    'vaule1',
    'Дата',
    "'; DROP TABLE marks; --",
  ),
  fc.string({ minLength: 1, maxLength: 30 }),
);
const harmless = fc.oneof(fc.constantFrom(null, true, 1, 'admin', [], {}, ['admin']), fc.jsonValue({ maxDepth: 2 }));

/** The first role a row allows (the input is made as that role makes it); root holds them all. */
const maker = (allow: (typeof rows)[string]['allow']): Role =>
  typeof allow === 'string' ? 'admin' : (allow[0] ?? 'admin');

describe(`fuzz: ${runs} well-formed calls per channel with a key their schema does not name`, () => {
  it.each(allChannels.map((c) => [c.channel, c] as const))('%s', async (name, channel) => {
    const row = rows[name];
    if (!row) throw new Error(`${name}: нет строки в tests/core/access/rows.ts`);
    const who = maker(row.allow);
    const input = ((await row.input?.({ s: school, core, who, tmp })) ?? {}) as unknown;
    const places = objectPaths(input);
    const payloads = fc.sample(fc.tuple(fc.constantFrom(...places), extraKey, harmless), { numRuns: runs, seed: 11 });
    const wrong: string[] = [];
    for (const [path, key, value] of payloads) {
      const payload = withKey(input, path, key, value);
      const parsed = channel.input.safeParse(payload);
      // A key the schema keeps (a record's, a field's own name) is not unknown: not this test's payload.
      if (parsed.success && !unknownKey(payload, parsed.data)) continue;
      const result = await invoke(name, payload);
      totals.payloads++;
      const guarded = rawInputProblem(payload) !== null || !parsed.success;
      const ok =
        !result.ok && result.error.kind === 'validation' && (guarded || /^Лишнее поле «/.test(result.error.message));
      if (!ok)
        wrong.push(
          `${[...path, key].join('.')}: ${result.ok ? 'ok' : `${result.error.kind}: ${result.error.message}`}`,
        );
    }
    totals.channels++;
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('a report file’s parameters are held to the report’s own schema', async () => {
    const result = await invoke('reports:file', {
      report: 'fill',
      params: { date: '2025-09-01', classid: 1 },
      format: 'xlsx',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        message: 'Лишнее поле «params.classid»: этот вызов его не принимает, ничего не изменено',
      },
    });
  });

  it('leaves the database whole and every table as it was', () => {
    expect(integrity(core.db.$client)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(tableHashes(core.db.$client)).toEqual(before);
    console.log(`unknown-key fuzz totals: ${JSON.stringify(totals)}`);
    expect(totals.channels).toBe(allChannels.length);
    // Few payloads are skipped (a generated key that happens to be a field's own name): most were sent.
    expect(totals.payloads).toBeGreaterThan(allChannels.length * runs * 0.8);
  });
});
