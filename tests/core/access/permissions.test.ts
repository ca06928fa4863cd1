// Issue 7, item 3: every channel of the contract, for every role of DOMAIN.md and for nobody logged in, on a
// real SQLite school. The channels come from the contract's registry, so a channel added later is walked
// too, and fails here until it has a row in rows.ts saying who may call it.
import { beforeAll, describe, expect, it } from 'vitest';
import { allChannels } from '../../../src/shared/contract';
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

const outcomeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.kind);
const describeResult = (r: Result<unknown>) => (r.ok ? 'ok' : `${r.error.kind}: ${r.error.message}`);

describe('the permission table, channel by channel and role by role', () => {
  it('every role holds its own account in the test school', () => {
    expect(Object.keys(roleLogins).sort()).toEqual([...roles].sort());
  });

  it.each(allChannels.map((c) => [c.channel]))('%s', async (channel) => {
    const row = rows[channel];
    if (!row) throw new Error(`Канал ${channel} не описан в tests/core/access/rows.ts: укажите, какие роли могут его вызывать`);
    const seen: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const who of ['anonymous', ...roles] as Who[]) {
      const input = (await row.input?.(ctx(who))) ?? {};
      const result = who === 'anonymous' ? await anonymous.invoke(channel, input) : await callers[who](channel, input);
      want[who] = expected(row, who);
      seen[who] = outcomeOf(result) === want[who] ? want[who] : describeResult(result);
    }
    for (const o of row.objects ?? []) {
      const result = await callers[o.as](channel, await o.input(ctx(o.as)));
      const key = `${o.as}: ${o.why}`;
      want[key] = o.expect;
      seen[key] = outcomeOf(result) === o.expect ? o.expect : describeResult(result);
    }
    const wrong = Object.keys(want).filter((k) => seen[k] !== want[k]);
    expect(wrong.map((k) => `${k}: expected ${want[k]}, got ${seen[k]}`)).toEqual([]);
  });

  it('no row names a channel the contract does not have', () => {
    const names = new Set(allChannels.map((c) => c.channel));
    expect(Object.keys(rows).filter((n) => !names.has(n))).toEqual([]);
  });
});
