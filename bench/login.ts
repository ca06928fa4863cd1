// Login with the scrypt parameters of core/auth/password.ts, through the dispatcher as a transport calls it:
// the target is 50–500 ms (slow enough against guessing, fast enough for a teacher).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import type { CallContext } from '../src/core/api/dispatch';
import type { Clock } from '../src/core/clock';
import { summarize } from './stats';
import type { BenchRow } from './backup';

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
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const result = await core.dispatch('auth:login', { login: 'admin', password: 'admin-pass-1' }, call);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
  }
  core.close();
  const s = summarize(samples);
  return [
    { name: 'login (scrypt N=2^15), median', value: s.median, unit: 'ms', note: '20 logins through the dispatcher' },
    { name: 'login (scrypt N=2^15), max', value: s.max, unit: 'ms' },
  ];
}
