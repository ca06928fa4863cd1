// What a committed call tells other screens: the change table covers every channel of the contract, a save
// publishes its domain and ids (never values), and each session's feed hears only what its user may read.
import { describe, expect, it } from 'vitest';
import { entryFor } from '../../src/core/api/dispatch';
import { generateDemoSchool } from '../../src/core/demo';
import { mayReceive, type ReadableCache } from '../../src/core/live/audience';
import { changeTable, type Published } from '../../src/core/live/changes';
import type { ChangeStream } from '../../src/core/live/feed';
import { allChannels, contract } from '../../src/shared/contract';
import type { ChangeEvent } from '../../src/shared/live';
import { directCaller, testCore } from '../helpers/core';
import { presentCells } from '../helpers/demo-cells';
import { classTeacherOf, lessonScope, outsiderOf } from '../helpers/live-school';

describe('the change table', () => {
  it('has an entry for every channel of the contract and none for a channel it lacks', () => {
    const missing = allChannels.filter((c) => entryFor(changeTable, c.channel) === undefined).map((c) => c.channel);
    expect(missing).toEqual([]);
    const named = Object.entries(changeTable).flatMap(([domain, group]) =>
      Object.keys(group).map((verb) => `${domain}.${verb}`),
    );
    const inContract = Object.entries(contract).flatMap(([domain, group]) =>
      Object.keys(group).map((verb) => `${domain}.${verb}`),
    );
    expect(named.sort()).toEqual(inContract.sort());
  });

  it('names a change for every channel whose verb writes', () => {
    const writes =
      /^(set|save|delete|add|update|move|clear|create|reset|lock|unlock|confirm|assign|run|restore)([A-Z]|$)/;
    const silent = allChannels
      .filter((c) => !c.channel.startsWith('auth:') && !c.channel.startsWith('print:'))
      .filter((c) => writes.test(c.channel.split(':')[1]!) && entryFor(changeTable, c.channel) === null)
      .map((c) => c.channel);
    expect(silent).toEqual([]);
  });
});

describe('changes of committed calls', () => {
  let now = new Date('2026-11-24T10:00:00');
  const core = testCore({ heavyWork: 'here', clock: { now: () => new Date(now) } });
  generateDemoSchool(core.db, { tier: 'small', years: 1, today: '2026-11-24' });
  const sql = core.db.$client;
  const [cell] = presentCells(sql, 1);
  const scope = lessonScope(sql, cell!.lessonId);
  const { date } = sql.prepare('select date from lessons where id = ?').get(cell!.lessonId) as { date: string };
  const published: Published[][] = [];
  core.changes.subscribe((batch) => published.push([...batch.changes]));

  async function signedIn(login: string) {
    const caller = directCaller(core);
    await caller.value(contract.auth.login, { login, password: 'demo' });
    return caller;
  }

  const outsider = () => outsiderOf(sql, scope.classId);

  function listen(token: string | null) {
    const heard: ChangeEvent[] = [];
    let ended = 0;
    const stream = core.live.watch(token, { change: (e) => heard.push(e), end: () => ended++ });
    return { heard, stream, ended: () => ended };
  }

  it('publishes a saved mark as its lesson, journal and class, without the value', async () => {
    const teacher = await signedIn('uchitel');
    published.length = 0;
    await teacher.value(contract.journal.setMark, { ...cell!, value1: '4' });
    expect(published).toEqual([
      [{ domain: 'marks', classId: scope.classId, assignmentId: scope.assignmentId, lessonId: cell!.lessonId }],
    ]);
    await teacher.value(contract.journal.setAbsence, { ...cell!, code: null });
    expect(published[1]).toEqual([{ domain: 'absences', ...scope, lessonId: cell!.lessonId, date }]);
  });

  it('publishes nothing for a read or a refused write', async () => {
    const teacher = await signedIn('uchitel');
    const other = await signedIn(outsider());
    published.length = 0;
    await teacher.value(contract.journal.assignments, {});
    const refused = await other.send(contract.journal.setMark, { ...cell!, value1: '2' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(published).toEqual([]);
  });

  it('feeds a change to those who may read the class, not to its author nor to an outsider', async () => {
    const teacher = await signedIn('uchitel');
    const deputy = listen((await signedIn('zavuch')).call.sessionToken);
    const classTeacher = listen((await signedIn(classTeacherOf(sql, scope.classId))).call.sessionToken);
    const stranger = listen((await signedIn(outsider())).call.sessionToken);
    const author = listen(teacher.call.sessionToken);

    await teacher.value(contract.journal.setMark, { ...cell!, value1: '5' });
    const mark = {
      domain: 'marks',
      classId: scope.classId,
      assignmentId: scope.assignmentId,
      lessonId: cell!.lessonId,
    };
    expect(deputy.heard).toEqual([mark]);
    expect(classTeacher.heard).toEqual([mark]);
    expect(stranger.heard).toEqual([]);
    expect(author.heard).toEqual([]);
    for (const s of [deputy, classTeacher, stranger, author]) s.stream!.stop();
  });

  it('feeds a substitute the journal from the moment the lesson is given to them', async () => {
    const teacher = await signedIn('uchitel');
    const substituteLogin = outsider();
    const substitute = listen((await signedIn(substituteLogin)).call.sessionToken);
    await teacher.value(contract.journal.setMark, { ...cell!, value1: '4' });
    expect(substitute.heard).toEqual([]);
    const later = sql
      .prepare('select id from lessons where assignment_id = ? and date >= ? order by date limit 1')
      .pluck()
      .get(scope.assignmentId, '2026-11-24') as number;
    const givenById = sql.prepare('select id from users where login = ?').pluck().get(substituteLogin) as number;
    await teacher.value(contract.lessons.update, { lessonId: later, givenById });
    await teacher.value(contract.journal.setMark, { ...cell!, value1: '5' });
    expect(substitute.heard.filter((e) => e.domain === 'marks')).toEqual([
      { domain: 'marks', classId: scope.classId, assignmentId: scope.assignmentId, lessonId: cell!.lessonId },
    ]);
    // The heartbeat's look at the session keeps what it may read: still heard after it.
    expect(substitute.stream!.check()).toBe(true);
    await teacher.value(contract.journal.setMark, { ...cell!, value1: '3' });
    expect(substitute.heard.filter((e) => e.domain === 'marks')).toHaveLength(2);
    const own = sql.prepare("select id from users where login = 'uchitel'").pluck().get() as number;
    await teacher.value(contract.lessons.update, { lessonId: later, givenById: own });
    substitute.stream!.stop();
  });

  it('filters a stream’s changes by the journals it looked up once, not by a query per change', async () => {
    const stranger = core.services.auth.resolve((await signedIn(outsider())).call.sessionToken, false)!;
    const mark = { domain: 'marks', ...scope, lessonId: cell!.lessonId } as const;
    const cache: ReadableCache = { current: null };
    expect(mayReceive(core.db, '2026-11-24', stranger, mark, cache)).toBe(false);
    // Held now: a database that cannot be read at all still filters the next change the same way.
    const unreadable = new Proxy(core.db, {
      get() {
        throw new Error('read the database again');
      },
    });
    expect(mayReceive(unreadable, '2026-11-24', stranger, mark, cache)).toBe(false);
    // A new school day looks them up again (a substitution ends with its last lesson).
    expect(() => mayReceive(unreadable, '2026-11-25', stranger, mark, cache)).toThrow('read the database again');
  });

  it('opens no feed without a working session, and ends one at logout and at the lock', async () => {
    expect(core.live.watch(null, { change: () => {}, end: () => {} })).toBeNull();
    expect(core.live.watch('not-a-session', { change: () => {}, end: () => {} })).toBeNull();

    const leaving = await signedIn('zavuch');
    const feed = listen(leaving.call.sessionToken);
    await leaving.value(contract.auth.logout, {});
    expect(feed.ended()).toBe(1);

    const locking = await signedIn('zavuch');
    const locked = listen(locking.call.sessionToken);
    const stream = locked.stream as ChangeStream;
    expect(stream.check()).toBe(true);
    await locking.value(contract.auth.lock, { cause: 'manual' });
    expect(locked.ended()).toBe(1);
    expect(stream.check()).toBe(false);
    const teacher = await signedIn('uchitel');
    await teacher.value(contract.journal.setMark, { ...cell!, value1: '3' });
    expect(locked.heard).toEqual([]);
  });

  it('does not count a feed looking at its session as the user being active', async () => {
    const deputy = await signedIn('zavuch');
    const seen = () =>
      (sql.prepare('select last_seen_at as at from sessions order by rowid desc limit 1').get() as { at: string }).at;
    const before = seen();
    const feed = listen(deputy.call.sessionToken);
    now = new Date(now.getTime() + 3 * 60_000);
    expect(feed.stream!.check()).toBe(true);
    expect(seen()).toBe(before);
    // A call of the user's own does count.
    await deputy.value(contract.auth.me, {});
    expect(seen()).not.toBe(before);
    feed.stream!.stop();
  });
});
