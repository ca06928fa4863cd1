// A school with its teachers and classes to call the contract on, and callers logged in before the suite's
// tests: what most core tests start from. Call it inside the describe, whose beforeAll it registers.
import type Database from 'better-sqlite3';
import { beforeAll } from 'vitest';
import type { Core } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { generateDemoSchool } from '../../src/core/demo';
import { contract } from '../../src/shared/contract';
import type { Role } from '../../src/shared/roles';
import { directCaller, testCore, type Caller, type TestCoreOptions } from './core';
import { addAccount, buildTinySchool, type TinySchool } from './tiny-school';

interface Options<N extends string> {
  /** The school's clock, local time; the demo school's «today» is its date. Default: 24 November 2026, 10:00. */
  now?: string;
  /** The callers the suite uses, by its own name for each → the login (password «demo»). */
  as: Record<N, string>;
  /** The core's own options where the suite needs them: a clock it moves (`now` then dates only the demo), its file, printer, backups. */
  core?: TestCoreOptions;
}

export interface SchoolFixture<N extends string> {
  core: Core;
  sql: Database.Database;
  callers: Record<N, Caller>;
  /** One more caller, logged in now: for a login the suite finds only once the school exists. */
  logIn(login: string): Promise<Caller>;
}

/** The tiny school's last names for the accounts it lacks. */
const lastNames: Partial<Record<Role, string>> = {
  admin: 'Админова',
  director: 'Директорова',
  secretary: 'Секретарёва',
};

/**
 * The hand-built tiny school (tests/helpers/tiny-school.ts), built at once (it takes milliseconds, and a suite
 * may use its ids while it is collected), with `accounts` it lacks added: login → role.
 */
export function schoolFixture<N extends string>(
  options: Options<N> & { school: 'tiny'; accounts?: Record<string, Role> },
): SchoolFixture<N> & { tiny: TinySchool };
/** The small demo school of one year, generated in the suite's beforeAll (it takes a second or two). */
export function schoolFixture<N extends string>(options: Options<N> & { school: 'demo' }): SchoolFixture<N>;
export function schoolFixture<N extends string>(
  options: Options<N> & { school: 'tiny' | 'demo'; accounts?: Record<string, Role> },
) {
  const now = options.now ?? '2026-11-24T10:00:00';
  const core = testCore({ clock: fixedClock(now), ...options.core });
  let tiny: TinySchool | undefined;
  if (options.school === 'tiny') {
    tiny = buildTinySchool(core.db);
    for (const [login, role] of Object.entries(options.accounts ?? {}))
      addAccount(core.db, login, lastNames[role] ?? 'Запасова', [role]);
  }
  const logIn = async (caller: Caller, login: string) => {
    const result = await caller.send(contract.auth.login, { login, password: 'demo' });
    if (!result.ok) throw new Error(`login ${login}: ${result.error.message}`);
    return caller;
  };
  const names = Object.keys(options.as) as N[];
  const callers = Object.fromEntries(names.map((name) => [name, directCaller(core)])) as Record<N, Caller>;
  beforeAll(async () => {
    if (options.school === 'demo') generateDemoSchool(core.db, { tier: 'small', years: 1, today: now.slice(0, 10) });
    for (const name of names) await logIn(callers[name], options.as[name]);
  });
  return { core, sql: core.db.$client, callers, tiny, logIn: (login: string) => logIn(directCaller(core), login) };
}
