import path from 'node:path';
import { createCore, type CommandLine } from '../core/app';
import { systemClock } from '../core/clock';
import type { PrintTargets } from '../core/print/service';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import { CliError } from './output';

export interface CommandCore {
  /** One call of the contract through the core's dispatcher, as the command's own actor; a refusal is a CliError. */
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  close(): void;
}

/**
 * The command line's transport: the database opened for one command, every call going through the dispatcher
 * (permission, validation, output) like the app's, with no session: createCore's `commandLine` is the actor.
 */
export function openCommand(
  options: CommandLine & { db: string; migrationsFolder: string; owner?: string; printTo?: PrintTargets },
): CommandCore {
  // A bug keeps its own message on the command line, where the dispatcher would say only «internal error».
  let failure: unknown = null;
  const core = createCore({
    dbFile: options.db,
    migrationsFolder: options.migrationsFolder,
    clock: systemClock,
    commandLine: { command: options.command, role: options.role, file: options.file && path.resolve(options.file) },
    owner: options.owner,
    printTo: options.printTo,
    // One command, one caller: no other call waits behind its report or print, and a thread would only add its start.
    heavyWork: 'here',
    logError: (error) => {
      failure = error;
    },
  });
  const transport = { sessionToken: null, client: 'cli', setSession: () => undefined };
  return {
    async call(channel, input) {
      failure = null;
      const result = await core.dispatch(channel.channel, input, transport);
      if (result.ok) return result.value as OutputOf<typeof channel>;
      if (result.error.kind === 'internal' && failure) throw failure;
      throw new CliError(result.error.message);
    },
    close: () => core.close(),
  };
}
