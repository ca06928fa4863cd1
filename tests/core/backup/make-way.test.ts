import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createForeground } from '../../../src/core/api/foreground';
import { createCore } from '../../../src/core/app';
import type { CallContext } from '../../../src/core/api/dispatch';
import { nodeFs, type BackupFs } from '../../../src/core/backup/fsops';
import { createBackup } from '../../../src/core/backup/run';
import { fixedClock } from '../../../src/core/clock';
import { demoDbFile } from '../../helpers/backup';
import { migrationsFolder, tempDir } from '../../helpers/temp';

const clock = fixedClock('2026-11-24T18:00:00');

describe('the calls being answered, which background work makes way for', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is quiet at once when nothing is answered, and while a call is answered only once it is done', async () => {
    const foreground = createForeground();
    await foreground.quiet(60_000);
    foreground.enter();
    foreground.enter();
    let quiet = false;
    const waiting = foreground.quiet(60_000).then(() => (quiet = true));
    foreground.leave();
    await Promise.resolve();
    expect(quiet).toBe(false);
    foreground.leave();
    await waiting;
    expect(quiet).toBe(true);
  });

  it('never keeps background work waiting longer than it asked', async () => {
    vi.useFakeTimers();
    const foreground = createForeground();
    foreground.enter();
    let quiet = false;
    const waiting = foreground.quiet(50).then(() => (quiet = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(quiet).toBe(true);
    // The call is still being answered; a later wait is as bounded, and the first one left nothing behind.
    foreground.leave();
    await foreground.quiet(50);
  });

  it("counts a core's calls while they are answered on its thread", async () => {
    const dir = tempDir();
    const file = demoDbFile(dir);
    const core = createCore({ dbFile: file, migrationsFolder, clock, heavyWork: 'here' });
    try {
      const call: CallContext = { sessionToken: null, client: 'test', setSession: (t) => (call.sessionToken = t) };
      // No call yet: a backup's step goes at once.
      await core.makeWay(60_000);
      const answered = core.dispatch('auth:login', { login: 'admin', password: 'demo' }, call);
      // The login is being answered (its password is checked on another thread): a step asked now waits.
      let quiet = false;
      const waiting = core.makeWay(60_000).then(() => (quiet = true));
      for (let i = 0; i < 10; i++) await Promise.resolve();
      expect(quiet).toBe(false);
      expect((await answered).ok).toBe(true);
      await waiting;
      expect(quiet).toBe(true);
    } finally {
      core.close();
    }
  });
});

/** nodeFs that tells each write, sync and read-back of a copy as it starts and ends. */
function watchedFs(on: { start(op: string): void; end(): void }): BackupFs {
  return {
    ...nodeFs,
    async create(file) {
      const handle = await nodeFs.create(file);
      const watched =
        <A extends unknown[], R>(op: string, f: (...a: A) => Promise<R>) =>
        async (...a: A) => {
          on.start(op);
          try {
            return await f(...a);
          } finally {
            on.end();
          }
        };
      return {
        ...handle,
        write: watched('write', handle.write),
        sync: watched('sync', handle.sync),
        readBack: watched('readBack', handle.readBack),
      };
    },
  };
}

describe('a backup while a teacher saves', () => {
  it('stops its writes, syncs and read-backs while a call is being answered, and finishes once it is', async () => {
    const dir = tempDir();
    const live = demoDbFile(dir);
    const drives = ['a', 'b'].map((d) => fs.mkdirSync(path.join(dir, d), { recursive: true })!);
    let inFlight = 0;
    let answering = false;
    let started = 0;
    let startedWhileAnswering = 0;
    let askedWhileAnswering = 0;
    let release = () => undefined as void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    let calmed = () => undefined as void;
    // Settles once a call is being answered, nothing of the copy is under way, and the copy has asked to go on.
    const stopped = new Promise<void>((resolve) => (calmed = resolve));
    const check = () => {
      if (answering && inFlight === 0 && askedWhileAnswering > 0) calmed();
    };
    const outcome = createBackup({
      clock,
      appVersion: 'test',
      migrationsFolder,
      recipient: null,
      source: { kind: 'file', file: live },
      destinations: drives,
      syncEvery: 64 << 10,
      fs: watchedFs({
        start() {
          inFlight++;
          // The teacher's save comes in the middle of the copy.
          if (++started === 6) answering = true;
          else if (answering) startedWhileAnswering++;
        },
        end() {
          inFlight--;
          check();
        },
      }),
      makeWay: () => {
        if (!answering) return Promise.resolve();
        askedWhileAnswering++;
        check();
        return answered;
      },
    });
    // A copy that did not make way would go on to the end instead of stopping.
    await Promise.race([stopped, outcome]);
    expect(askedWhileAnswering).toBeGreaterThan(0);
    // What each drive's writer and checker had been let to start before the call came may still start (both
    // drives copy at once, so one may be past its wait when the other's step brings the call); nothing more.
    // Real reads, writes and syncs of other files go on meanwhile: a copy that did not wait would use them.
    const other = path.join(dir, 'other');
    for (let i = 0; i < 20; i++) {
      await fs.promises.writeFile(other, Buffer.alloc(64 << 10, i));
      await fs.promises.readFile(other);
    }
    const whileAnswering = startedWhileAnswering;
    expect(whileAnswering).toBeLessThanOrEqual(drives.length * 2);
    answering = false;
    release();
    const result = await outcome;
    expect(result.ok).toBe(true);
    expect(result.results.map((r) => r.ok)).toEqual([true, true]);
    // The copy had far more to do after the call than it did during it.
    expect(started - 6 - whileAnswering).toBeGreaterThan(drives.length * 4);
  });
});
