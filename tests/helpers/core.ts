import path from 'node:path';
import { afterAll } from 'vitest';
import { createCore, type Core } from '../../src/core/app';
import { fixedClock, type Clock } from '../../src/core/clock';
import type { CallContext } from '../../src/core/api/dispatch';
import { migrationsFolder, tempDir } from './temp';

export function testCore(options: { dbFile?: string; clock?: Clock } = {}): Core {
  const core = createCore({
    dbFile: options.dbFile ?? path.join(tempDir(), 'school.db'),
    migrationsFolder,
    clock: options.clock ?? fixedClock('2026-11-24T10:00:00'),
    create: true,
    logError: (e) => console.error(e),
  });
  afterAll(() => core.close());
  return core;
}

/** The direct transport, as the CLI and tests use it: a session kept in a variable. */
export function directCaller(core: Core) {
  const call: CallContext = {
    sessionToken: null,
    client: 'test',
    setSession(token) {
      call.sessionToken = token;
    },
  };
  return {
    call,
    invoke: (channel: string, input: unknown = {}) => core.dispatch(channel, input, call),
  };
}
export type Caller = ReturnType<typeof directCaller>;
