import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type StartedHost } from '../../src/host/start';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';

describe('the host shell: the contract over HTTP', () => {
  const core = testCore();
  let host: StartedHost;

  const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(`api/${channel}`, host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    await directCaller(core).value(contract.setup.createSchool, {
      schoolName: 'Школа № 2',
      admin: { login: 'admin', password: 'пароль-администратора', lastName: 'Орлов', firstName: 'Пётр' },
    });
    host = await startHost({ dispatch: core.dispatch, port: 0 });
  });
  afterAll(() => host.close());

  it('listens on 127.0.0.1 by default', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie at login and honours it', async () => {
    const login = await post('auth:login', { login: 'admin', password: 'пароль-администратора' });
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/zhurnal_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(await login.json()).toMatchObject({ ok: true, value: { login: 'admin' } });
    const me = await post('auth:me', {}, { cookie: cookie.split(';')[0]! });
    expect(await me.json()).toMatchObject({ ok: true, value: { login: 'admin' } });
    expect(await (await post('auth:me', {})).json()).toEqual({ ok: true, value: null });
  });

  it('answers malformed calls with a Russian message and changes nothing', async () => {
    const notJson = await post('auth:login', '{login:', {});
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/JSON/) },
    });
    const form = await post('setup:createSchool', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const unknown = await post('nothing:here', {});
    expect(await unknown.json()).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await (await post('setup:status', {})).json()).toMatchObject({
      value: { hasSchool: true, schoolName: 'Школа № 2' },
    });
  });

  it('sends security headers', async () => {
    const res = await post('setup:status', {});
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('slows down password guessing from one source: past 10 wrong passwords, 429 and a growing wait', async () => {
    // Made-up logins count like real ones (a guesser is not told which exist), each far below its own lockout.
    for (let i = 0; i < 10; i++) {
      const answer = await post('auth:login', { login: `guess${i}`, password: `guess-${i}` });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    }
    const blocked = await post('auth:login', { login: 'admin', password: 'пароль-администратора' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(await blocked.json()).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/Слишком много неверных паролей с этого компьютера/) },
    });
  });
});
