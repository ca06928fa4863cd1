// Two processes writing to one journal file: every save waits for the other's write lock (the busy timeout)
// instead of failing. A save whose transaction read first and asked for the write lock later used to fail at
// once with SQLITE_BUSY, shown to the teacher as an internal error.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLockHolder } from '../helpers/lock-holder';
import { generateDemoSchool } from '../../src/core/demo';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { presentCells } from '../helpers/demo-cells';

describe('a save while another process holds the write lock', () => {
  it('waits for the lock and succeeds: no save fails for a busy database', async () => {
    const dbFile = path.join(tempDir(), 'school.db');
    const core = testCore({ dbFile });
    generateDemoSchool(core.db, { tier: 'small', years: 1, today: '2026-11-24' });
    const teacher = directCaller(core);
    const login = await teacher.send(contract.auth.login, { login: 'uchitel', password: 'demo' });
    expect(login.ok).toBe(true);
    const cells = presentCells(core.db.$client, 30);
    expect(cells).toHaveLength(30);

    const holder = await startLockHolder(dbFile, 20);

    const failures: string[] = [];
    // Saves go on (at least each cell once, at most 20 rounds) until the other process has taken the lock again
    // several times in between, as it tells in the row it writes each time: however fast this machine is.
    const heldSoFar = core.db.$client.prepare("select value from settings where key = 'test.lock-holder'").pluck();
    for (let i = 0; i < cells.length * 20; i++) {
      if (i >= cells.length && Number(heldSoFar.get() ?? 0) > 4) break;
      const result = await teacher.send(contract.journal.setMark, {
        ...cells[i % cells.length]!,
        value1: (['2', '3', '4', '5'] as const)[i % 4]!,
      });
      if (!result.ok) failures.push(`${result.error.kind}: ${result.error.message}`);
    }
    const held = Number((await holder.stop()).replace('held ', ''));

    expect(failures).toEqual([]);
    // The other process really was writing all along, not only before the first save.
    expect(held).toBeGreaterThan(3);
    const saved = core.db.$client.prepare('select count(*) as n from marks where lesson_id = ? and student_id = ?');
    expect(cells.every((c) => (saved.get(c.lessonId, c.studentId) as { n: number }).n === 1)).toBe(true);
  });
});
