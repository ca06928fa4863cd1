// Login at the hashing cost of core/auth/password.ts, through the dispatcher as a transport calls it: the target
// is 100–500 ms (slow enough against guessing, fast enough for a teacher). A wrong password and an unknown login
// are measured too: they must cost the same, or the time would tell which logins exist.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import type { CallContext } from '../src/core/api/dispatch';
import type { Clock } from '../src/core/clock';
import { summarize } from './stats';
import type { BenchRow } from './backup';
import { hashingFigures } from '../src/core/auth/password';

export async function loginBench(work: string, migrationsFolder: string, clock: Clock): Promise<BenchRow[]> {
  const core = createCore({ dbFile: path.join(work, 'login.db'), migrationsFolder, clock, create: true });
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch(
    'setup:createSchool',
    {
      schoolName: 'Школа для замера',
      admin: { login: 'admin', password: 'admin-pass-1', lastName: 'А', firstName: 'Б' },
    },
    call,
  );
  const timed = async (login: string, password: string, ok: boolean, client: string) => {
    const started = performance.now();
    const result = await core.dispatch('auth:login', { login, password }, { ...call, client });
    if (result.ok !== ok) throw new Error(`auth:login ${login}: ${JSON.stringify(result)}`);
    return performance.now() - started;
  };
  const right: number[] = [];
  const wrong: number[] = [];
  const unknown: number[] = [];
  // Each wrong one from its own address, as no lockout or delay of one source is measured here.
  for (let i = 0; i < 20; i++) {
    right.push(await timed('admin', 'admin-pass-1', true, 'bench'));
    wrong.push(await timed('admin', 'wrong-pass-1', false, `http 10.9.0.${i}`));
    unknown.push(await timed('nobody', 'wrong-pass-1', false, `http 10.9.1.${i}`));
  }
  core.close();
  const [r, w, u] = [summarize(right), summarize(wrong), summarize(unknown)];
  return [
    {
      name: `login (${hashingFigures}), median`,
      value: r.median,
      unit: 'ms',
      note: '20 logins through the dispatcher',
    },
    { name: `login (${hashingFigures}), max`, value: r.max, unit: 'ms' },
    { name: 'wrong password, median', value: w.median, unit: 'ms' },
    { name: 'unknown login, median', value: u.median, unit: 'ms', note: 'the same as a wrong password' },
  ];
}
