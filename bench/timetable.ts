// `--only timetable`: the whole school's lessons for a year generated from the timetable, on the large
// tier (55 classes), through the dispatcher as the admin calls it: from nothing, again over a journal full
// of lessons (nothing to change), and one class's timetable changed from "today".
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import type { CallContext } from '../src/core/api/dispatch';
import type { Clock } from '../src/core/clock';
import { openDatabase } from '../src/core/db/open';
import { generateDemoSchool } from '../src/core/demo';
import type { BenchRow } from './backup';

interface Regen {
  created: number;
  removed: number;
  kept: unknown[];
  classes?: number;
}

export async function timetableBench(
  work: string,
  migrationsFolder: string,
  clock: Clock,
  today: string,
): Promise<BenchRow[]> {
  const full = path.join(work, 'timetable-full.db');
  const db = openDatabase(full, { migrationsFolder, create: true });
  generateDemoSchool(db, { tier: 'large', years: 1, today });
  db.$client.close();
  const empty = path.join(work, 'timetable-empty.db');
  fs.copyFileSync(full, empty);
  const cleared = openDatabase(empty, { migrationsFolder });
  cleared.$client.exec('delete from marks; delete from absences; delete from lessons;');
  cleared.$client.close();

  const rows: BenchRow[] = [];
  const timed = async (file: string, channel: string, input: unknown): Promise<{ seconds: number; value: Regen }> => {
    const core = createCore({ dbFile: file, migrationsFolder, clock });
    const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
    await core.dispatch('auth:login', { login: 'admin', password: 'demo' }, call);
    const started = performance.now();
    const result = await core.dispatch(channel, input, call);
    const seconds = (performance.now() - started) / 1000;
    core.close();
    if (!result.ok) throw new Error(result.error.message);
    return { seconds, value: result.value as Regen };
  };

  const fresh = await timed(empty, 'timetable:generate', {});
  rows.push({
    name: 'timetable: year of lessons from nothing (large)',
    value: fresh.seconds,
    unit: 's',
    note: `${fresh.value.created} lessons created for ${fresh.value.classes} classes`,
  });
  const again = await timed(full, 'timetable:generate', {});
  rows.push({
    name: 'timetable: year regenerated, nothing changed',
    value: again.seconds,
    unit: 's',
    note: `over the demo's journal: ${again.value.created} created, ${again.value.removed} removed, ${again.value.kept.length} kept`,
  });

  // One class: Monday and Tuesday swapped from today on (past lessons stay, future ones without data move).
  const probe = openDatabase(full, { migrationsFolder });
  const cls = probe.$client
    .prepare(
      'select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = 7 order by c.id limit 1',
    )
    .get() as { id: number };
  const slots = (
    probe.$client
      .prepare(
        'select t.assignment_id as assignmentId, t.weekday, t.lesson_number as lessonNumber, t.room from timetable t join assignments a on a.id = t.assignment_id where a.class_id = ?',
      )
      .all(cls.id) as { assignmentId: number; weekday: number; lessonNumber: number; room: string | null }[]
  ).map((s) => ({ ...s, weekday: s.weekday === 1 ? 2 : s.weekday === 2 ? 1 : s.weekday }));
  probe.$client.close();
  const one = await timed(full, 'timetable:save', { classId: cls.id, from: today, slots, allowClashes: true });
  rows.push({
    name: 'timetable: one class changed from today',
    value: one.seconds * 1000,
    unit: 'ms',
    note: `${one.value.created} created, ${one.value.removed} removed, ${one.value.kept.length} kept`,
  });
  return rows;
}
