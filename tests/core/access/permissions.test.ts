// Every channel of the contract, for every role of docs/DOMAIN.md and for nobody logged in, on a
// real SQLite school. The channels come from the contract's registry, so a channel added later is walked
// too, and fails here until it has a row in rows.ts saying who may call it. Every call the table makes is
// well-formed (its schema takes it, with no key it does not name), so an allowed role is seen to get past
// the gate into the service: a refusal by the schema or the raw-input guard counts as a wrong row.
import { beforeAll, describe, expect, it } from 'vitest';
import { allChannels, findChannel } from '../../../src/shared/contract';
import { unknownKey } from '../../../src/shared/contract/unknown-keys';
import { roles, type Role } from '../../../src/shared/roles';
import type { Result } from '../../../src/shared/errors';
import { buildAccessSchool, roleLogins, sessionCaller, type AccessSchool } from '../../helpers/access-school';
import { directCaller, testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';
import { rows, type Ctx, type Row, type Who } from './rows';

const core = testCore();
let school: AccessSchool;
const tmp = tempDir();
const callers = {} as Record<Role, ReturnType<typeof sessionCaller>>;
const anonymous = directCaller(core);

beforeAll(() => {
  school = buildAccessSchool(core);
  for (const role of roles) callers[role] = sessionCaller(core, roleLogins[role]);
});

const ctx = (who: Who): Ctx => ({ s: school, core, who, tmp });

function allowed(row: Row, who: Who): boolean {
  if (row.allow === 'public') return true;
  if (who === 'anonymous') return false;
  if (row.allow === 'session') return true;
  // klruk, the class teacher, is a subject teacher too: what teachers may do, they may.
  const held: Role[] = who === 'class_teacher' ? ['class_teacher', 'teacher'] : [who];
  return held.some((r) => (row.allow as readonly Role[]).includes(r));
}

function expected(row: Row, who: Who): string {
  if (!allowed(row, who)) return who === 'anonymous' ? 'unauthorized' : 'forbidden';
  const o = row.outcome;
  if (typeof o === 'string') return o;
  return o?.[who] ?? 'ok';
}

/** A `validation` error with the schema's issues: the call never reached the service. */
const schemaRefused = (r: Result<unknown>) =>
  !r.ok &&
  r.error.kind === 'validation' &&
  Array.isArray((r.error.details as { issues?: unknown } | undefined)?.issues);
const outcomeOf = (r: Result<unknown>) => (schemaRefused(r) ? 'refused by its schema' : r.ok ? 'ok' : r.error.kind);

/** Why an input is not a well-formed call of the channel, or null. */
function malformed(channel: string, input: unknown): string | null {
  const schema = findChannel(channel)!.input;
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return `malformed input: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  return unknownKey(input, parsed.data)?.message ?? null;
}
const describeResult = (r: Result<unknown>) => (r.ok ? 'ok' : `${r.error.kind}: ${r.error.message}`);

describe('the permission table, channel by channel and role by role', () => {
  it('every role holds its own account in the test school', () => {
    expect(Object.keys(roleLogins).sort()).toEqual([...roles].sort());
  });

  it.each(allChannels.map((c) => [c.channel]))('%s', async (channel) => {
    const row = rows[channel];
    if (!row)
      throw new Error(`Канал ${channel} не описан в tests/core/access/rows.ts: укажите, какие роли могут его вызывать`);
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const who of ['anonymous', ...roles] as Who[]) {
      const input = (await row.input?.(ctx(who))) ?? {};
      want[who] = expected(row, who);
      const bad = malformed(channel, input);
      if (bad) {
        seen[who] = bad;
        continue;
      }
      const result = who === 'anonymous' ? await anonymous.invoke(channel, input) : await callers[who](channel, input);
      seen[who] = outcomeOf(result) === want[who] ? want[who] : describeResult(result);
    }
    for (const o of row.objects ?? []) {
      const input = await o.input(ctx(o.as));
      const key = `${o.as}: ${o.why}`;
      want[key] = o.expect;
      const result = malformed(channel, input) ?? (await callers[o.as](channel, input));
      seen[key] =
        typeof result === 'string' ? result : outcomeOf(result) === o.expect ? o.expect : describeResult(result);
    }
    const wrong = Object.keys(want).filter((k) => seen[k] !== want[k]);
    expect(wrong.map((k) => `${k}: expected ${want[k]}, got ${seen[k]}`)).toEqual([]);
  });

  it('no row names a channel the contract does not have', () => {
    const names = new Set(allChannels.map((c) => c.channel));
    expect(Object.keys(rows).filter((n) => !names.has(n))).toEqual([]);
  });
});
