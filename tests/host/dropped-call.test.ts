// A browser that goes away (tab closed, network lost) before its report or book is made: the host passes the
// request's end to the dispatcher, so the heavy job is taken out of the pool's queue, or its thread stopped,
// instead of writing a file nobody will get while the other computers' reports wait behind it.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/api/dispatch';
import { generateDemoSchool } from '../../src/core/demo';
import { defaultPoolSize } from '../../src/core/workers/pool';
import { startHost, type StartedHost } from '../../src/host/start';
import type { Result } from '../../src/shared/errors';
import { testCore } from '../helpers/core';

const today = '2026-11-24';
const cancelled = {
  ok: false,
  error: { kind: 'conflict', message: 'Работа отменена', details: { refusal: 'cancelled' } },
};

describe('a request dropped by its browser', () => {
  const core = testCore();
  let host: StartedHost;
  let cookie = '';
  let quarter: { from: string; to: string };
  /** What the dispatcher answered each call, by the order the calls reached it. */
  const answers: Promise<Result<unknown>>[] = [];
  let reached: { count: number; resolve(): void } | null = null;
  /** Resolves once the dispatcher has had `count` calls in all (the job is queued by then: offload is synchronous). */
  const dispatched = (count: number) =>
    new Promise<void>((resolve) => {
      reached = { count, resolve };
      if (answers.length >= count) resolve();
    });

  beforeAll(async () => {
    generateDemoSchool(core.db, { tier: 'typical', years: 1, today });
    quarter = core.db.$client
      .prepare(`select start_date as "from", end_date as "to" from periods where scheme = 'quarters' and number = 1`)
      .get() as typeof quarter;
    host = await startHost({
      port: 0,
      dispatch: (channel, input, call: CallContext) => {
        const answer = core.dispatch(channel, input, call);
        answers.push(answer);
        if (reached && answers.length >= reached.count) reached.resolve();
        return answer;
      },
    });
    const login = await post('auth:login', { login: 'zavuch', password: 'demo' });
    cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    await login.done;
  });
  afterAll(() => host.close());

  /** A raw request, so the test can drop its connection; `done` is the whole answer's body. */
  function post(channel: string, body: unknown) {
    const req = http.request(new URL(`api/${channel}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    });
    req.end(JSON.stringify(body));
    return new Promise<http.IncomingMessage & { done: Promise<string> }>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const done = new Promise<string>((ok) => res.on('end', () => ok(Buffer.concat(chunks).toString())));
        resolve(Object.assign(res, { done }));
      });
    });
  }

  /** Sends a call and closes its connection as soon as the dispatcher has it: the dispatcher's own answer. */
  async function dropped(channel: string, body: unknown): Promise<Result<unknown>> {
    const arrived = dispatched(answers.length + 1);
    const req = http.request(new URL(`api/${channel}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
    });
    req.on('error', () => undefined);
    req.end(JSON.stringify(body));
    await arrived;
    const answer = answers.at(-1)!;
    req.destroy();
    return answer;
  }

  const exports = () =>
    (
      core.db.$client.prepare(`select count(*) as n from audit_log where action = 'report.export'`).get() as {
        n: number;
      }
    ).n;
  const controlPdf = () => ({ report: 'control', params: quarter, format: 'pdf' });

  it('takes a queued report out of the queue, and stops a running one, without writing it', async () => {
    const before = exports();
    // Every thread of the pool busy, so the dropped call waits in the queue.
    const queued = dispatched(answers.length + defaultPoolSize());
    const busy = Array.from({ length: defaultPoolSize() }, () => post('reports:file', controlPdf()));
    await queued;
    expect(await dropped('reports:file', controlPdf())).toEqual(cancelled);
    for (const res of await Promise.all(busy)) expect(JSON.parse(await res.done)).toMatchObject({ ok: true });
    expect(exports()).toBe(before + defaultPoolSize());

    // Alone now, it starts at once; the connection drops long before a whole school's PDF is written.
    expect(await dropped('reports:file', controlPdf())).toEqual(cancelled);
    expect(exports()).toBe(before + defaultPoolSize());
    // The thread ended for it is replaced, and a call that stays gets its file.
    const kept = await post('reports:file', controlPdf());
    expect(JSON.parse(await kept.done)).toMatchObject({ ok: true, value: { mimeType: 'application/pdf' } });
    expect(exports()).toBe(before + defaultPoolSize() + 1);
  });
});
