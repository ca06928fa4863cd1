// A channel without a declared permission fails the build: `access` is required by defineChannel's type
// (tsc runs over tests/ in `npm test`, so the @ts-expect-error lines below break the build the day it is
// not), and at run time every channel of the registry names a permission the role table knows.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allChannels, defineChannel } from '../../../src/shared/contract';
import { permissions, rolePermissions, roles } from '../../../src/shared/roles';

// @ts-expect-error — no access: does not compile.
defineChannel({ channel: 'x:noAccess', input: z.object({}), output: z.null() });
// @ts-expect-error — a permission the role table does not have: does not compile.
defineChannel({ channel: 'x:madeUp', access: 'journal.everything', input: z.object({}), output: z.null() });

describe('declared access', () => {
  it('every channel of the registry names «public», «session» or a permission of the role table', () => {
    const known = new Set<string>(['public', 'session', ...permissions]);
    expect(
      allChannels.filter((c) => typeof c.access !== 'string' || !known.has(c.access)).map((c) => c.channel),
    ).toEqual([]);
  });

  it('channel names are unique and of the form domain:verb', () => {
    const names = allChannels.map((c) => c.channel);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !/^[a-z]+:[a-zA-Z]+$/.test(n))).toEqual([]);
  });

  it('every permission is held by some role', () => {
    const held = new Set(roles.flatMap((r) => rolePermissions[r]));
    expect(permissions.filter((p) => !held.has(p))).toEqual([]);
  });
});
