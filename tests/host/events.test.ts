// `GET /api/events` over real HTTP with real sessions: a mark saved by one teacher reaches another user who may
// read that class as a change event, never a teacher who cannot, and streams end with their session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoSchool } from '../../src/core/demo';
import { startHost, type StartedHost } from '../../src/host/start';
import { presentCells } from '../helpers/demo-cells';
import { openEvents, type SseReader } from '../helpers/sse';
import { testCore } from '../helpers/core';
import { classTeacherOf, lessonScope, outsiderOf } from '../helpers/live-school';

describe('the change stream of the host', () => {
  let now = new Date('2026-11-24T10:00:00');
  const core = testCore({ heavyWork: 'here', clock: { now: () => new Date(now) } });
  generateDemoSchool(core.db, { tier: 'small', years: 1, today: '2026-11-24' });
  const sql = core.db.$client;
  const [cell] = presentCells(sql, 1);
  const scope = lessonScope(sql, cell!.lessonId);
  const outsider = outsiderOf(sql, scope.classId);
  const period = sql
    .prepare(
      'select p.id from periods p join classes c on c.year_id = p.year_id where c.id = ? order by p.start_date limit 1',
    )
    .get(scope.classId) as { id: number };

  let host: StartedHost;
  const opened: SseReader[] = [];
  beforeAll(async () => {
    host = await startHost({
      dispatch: core.dispatch,
      live: core.live,
      port: 0,
      rateLimit: { burst: 1000, perSecond: 1000 },
      liveLimits: { perSession: 2, heartbeatMs: 100 },
    });
  });
  afterAll(async () => {
    for (const r of opened) r.close();
    await host.close();
  });

  const post = async (channel: string, body: unknown, cookie?: string) => {
    const response = await fetch(new URL(`api/${channel}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { response, result: (await response.json()) as { ok: boolean; value?: unknown } };
  };
  const logIn = async (login: string) => {
    const { response, result } = await post('auth:login', { login, password: 'demo' });
    expect(result.ok).toBe(true);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };
  /** A stream that is connected: its `ready` arrived, so nothing published afterwards can be missed. */
  const ready = async (cookie: string | null) => {
    const reader = await openEvents(host.url, cookie);
    opened.push(reader);
    if (reader.status === 200) expect(await reader.next()).toEqual({ event: 'ready', data: '' });
    return reader;
  };
  const changes = (r: SseReader) => r.until((m) => m.event === 'change' || m.event === 'end');

  it('refuses a stream without a session', async () => {
    const reader = await ready(null);
    expect(reader.status).toBe(401);
  });

  it('sends a saved mark to a user who may read the class, not to a teacher who cannot', async () => {
    const teacher = await logIn('uchitel');
    const deputy = await ready(await logIn('zavuch'));
    const classTeacher = await ready(await logIn(classTeacherOf(sql, scope.classId)));
    const stranger = await ready(await logIn(outsider));

    const saved = await post('journal:setMark', { ...cell!, value1: '5' }, teacher);
    expect(saved.result.ok).toBe(true);
    const mark = {
      domain: 'marks',
      classId: scope.classId,
      assignmentId: scope.assignmentId,
      lessonId: cell!.lessonId,
    };
    for (const allowed of [deputy, classTeacher]) {
      const message = await changes(allowed);
      expect(message?.event).toBe('change');
      expect(JSON.parse(message!.data)).toEqual(mark);
    }

    // Then a change everybody hears: the stranger's first change is this one, so the mark never reached them.
    const zavuch = await logIn('zavuch');
    expect((await post('periods:lock', { periodId: period.id, classId: scope.classId }, zavuch)).result.ok).toBe(true);
    const first = await changes(stranger);
    expect(JSON.parse(first!.data)).toEqual({ domain: 'periodLocks' });
  });

  it('beats while quiet, and ends the stream at logout', async () => {
    const cookie = await logIn('zavuch');
    const reader = await ready(cookie);
    expect(await reader.next()).toEqual({ event: 'comment', data: '♥' });
    expect((await post('auth:logout', {}, cookie)).result.ok).toBe(true);
    expect(await reader.until((m) => m.event === 'end')).toEqual({ event: 'end', data: '' });
    expect(await reader.next()).toBeNull();
  });

  it('ends the stream when the session locks after idling, at the next heartbeat', async () => {
    const cookie = await logIn('director');
    const reader = await ready(cookie);
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await reader.until((m) => m.event === 'end')).toEqual({ event: 'end', data: '' });
    expect(await reader.next()).toBeNull();
    const me = await post('auth:me', {}, cookie);
    expect(me.result).toMatchObject({ ok: true, value: { sessionLocked: true } });
  });

  it('caps the streams of one session', async () => {
    const cookie = await logIn('zavuch');
    await ready(cookie);
    await ready(cookie);
    const third = await openEvents(host.url, cookie);
    opened.push(third);
    expect(third.status).toBe(429);
    // Another session on the same computer still gets its own.
    expect((await ready(await logIn('zavuch'))).status).toBe(200);
  });

  it('ends open streams when the server stops', async () => {
    const own = await startHost({ dispatch: core.dispatch, live: core.live, port: 0 });
    const cookie = await logIn('zavuch');
    const reader = await openEvents(own.url, cookie);
    expect(await reader.next()).toEqual({ event: 'ready', data: '' });
    await own.close();
    expect(await reader.next()).toBeNull();
  });
});
