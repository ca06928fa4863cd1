// The ids of saves a client sent (kept so that a queue replayed after an outage is never written twice) are
// forgotten once no client can send them again: at every start of the journal, and daily while it runs.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/core/app';
import { pruneAppliedSaves, savesKeptDays } from '../../src/core/journal/saves';
import { contract } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { migrationsFolder, tempDir } from '../helpers/temp';

const day = 86_400_000;

function journal(dbFile: string, clock: { now(): Date }, pruneEveryMs?: number) {
  return createCore({ dbFile, migrationsFolder, clock, create: true, heavyWork: 'here', pruneEveryMs });
}

const ids = (core: ReturnType<typeof journal>) =>
  core.db.$client.prepare('select save_id from applied_saves order by save_id').pluck().all() as string[];

function remember(core: ReturnType<typeof journal>, saveId: string, at: string) {
  core.db.$client
    .prepare(
      "insert into applied_saves (save_id, user_id, channel, at, outcome) values (?, 1, 'journal:setMark', ?, '{}')",
    )
    .run(saveId, at);
}

afterEach(() => vi.useRealTimers());

describe('the ids of applied saves', () => {
  it('are forgotten after the days a client may still send them again, at start and then daily', async () => {
    const dbFile = path.join(tempDir(), 'school.db');
    let now = new Date('2026-11-24T10:00:00');
    const clock = { now: () => now };
    const first = journal(dbFile, clock);
    await directCaller(first).value(contract.setup.createSchool, {
      schoolName: 'Школа № 5',
      admin: { login: 'admin', password: 'Tsq9-lantern-orbit-4471', lastName: 'Орлов', firstName: 'Пётр' },
    });
    remember(first, 'a-two-months-old', '2026-09-20 08:15:00');
    remember(first, 'b-just-too-old', '2026-10-25 09:59:00');
    remember(first, 'c-within-a-month', '2026-10-25 10:01:00');
    remember(first, 'd-today', '2026-11-24 09:00:00');
    first.close();

    // The next start forgets what is older than the month a queued save can wait.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const again = journal(dbFile, clock, day);
    try {
      expect(ids(again)).toEqual(['c-within-a-month', 'd-today']);
      // A day later, while still running: the next ones.
      now = new Date(now.getTime() + day);
      vi.advanceTimersByTime(day);
      expect(ids(again)).toEqual(['d-today']);
      expect(pruneAppliedSaves(again.db, { now: () => new Date(now.getTime() + savesKeptDays * day) })).toBe(1);
      expect(ids(again)).toEqual([]);
    } finally {
      again.close();
    }
  });
});
