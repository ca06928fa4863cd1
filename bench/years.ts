// `--only years`: the «Закрытие года» screen's status (missing period and year marks of every journal, the
// students with their proposed decisions) on the typical school at the end of its year, through the dispatcher
// as the deputy opens it.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import type { CallContext } from '../src/core/api/dispatch';
import { fixedClock } from '../src/core/clock';
import { openDatabase } from '../src/core/db/open';
import { generateDemoSchool } from '../src/core/demo';
import type { BenchRow } from './backup';
import { summarize } from './stats';

export async function yearsBench(work: string, migrationsFolder: string): Promise<BenchRow[]> {
  // A whole year of marks: the demo's 2025/2026 seen from its last days, as the deputy checks it before closing.
  const today = '2026-05-30';
  const file = path.join(work, 'years-typical.db');
  const db = openDatabase(file, { migrationsFolder, create: true });
  generateDemoSchool(db, { tier: 'typical', years: 1, today });
  db.$client.close();
  const core = createCore({ dbFile: file, migrationsFolder, clock: fixedClock(`${today}T10:00:00`) });
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch('auth:login', { login: 'zavuch', password: 'demo' }, call);
  const samples: number[] = [];
  let note = '';
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const result = await core.dispatch('years:status', {}, call);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    const s = result.value as { gaps: Array<{ students: unknown[] }>; students: unknown[] };
    note = `${s.students.length} students, ${s.gaps.length} journal gaps (${s.gaps.reduce((n, g) => n + g.students.length, 0)} marks missing); 20 loads through the dispatcher`;
  }
  core.close();
  const s = summarize(samples);
  return [
    { name: 'year closing status (typical), median', value: s.median, unit: 'ms', note },
    { name: 'year closing status (typical), p95', value: s.p95, unit: 'ms' },
  ];
}
