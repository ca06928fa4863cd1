import path from 'node:path';
import { afterAll } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import type { CallContext } from '../../src/core/api/dispatch';
import type { Channel, InputOf, OutputOf } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { migrationsFolder, tempDir } from './temp';

/** The core options a test may set; the rest are a new file in a temporary folder, 24 November 2026, 10:00. */
export type TestCoreOptions = Partial<Omit<CoreOptions, 'migrationsFolder'>>;

export function testCore(options: TestCoreOptions = {}): Core {
  const core = createCore({
    dbFile: path.join(tempDir(), 'school.db'),
    migrationsFolder,
    clock: fixedClock('2026-11-24T10:00:00'),
    create: true,
    logError: (e) => console.error(e),
    ...options,
  });
  afterAll(() => core.close());
  return core;
}

/**
 * The direct transport, as the CLI and tests use it: a session kept in a variable. `client` is where the calls
 * come from as the lockout counts them: «desktop» (the computer's own window) or «http ADDRESS».
 */
export function directCaller(core: Core, client = 'test') {
  const call: CallContext = {
    sessionToken: null,
    client,
    setSession(token) {
      call.sessionToken = token;
    },
  };
  const send = <C extends Channel>(channel: C, input: InputOf<C>, signal?: AbortSignal) =>
    core.dispatch(channel.channel, input, signal ? { ...call, signal } : call) as Promise<Result<OutputOf<C>>>;
  return {
    call,
    /** By the channel's name, with any input: for the tests of unknown channels and inputs the contract refuses. */
    invoke: (channel: string, input: unknown = {}) => core.dispatch(channel, input, call),
    /**
     * A call typed by its channel (`teacher.send(contract.journal.setMark, input)`): the Result of its output.
     * `signal` is the transport giving up on it, as a browser that went away does.
     */
    send,
    /** The same call's value, for a step that must succeed: a refusal is thrown with the channel and its message. */
    async value<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
      const result = await send(channel, input);
      if (!result.ok) throw new Error(`${channel.channel}: ${result.error.message}`);
      return result.value;
    },
  };
}
export type Caller = ReturnType<typeof directCaller>;
