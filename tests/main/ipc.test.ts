import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallContext } from '../../src/core/api/dispatch';
import { invokeChannel, progressChannel } from '../../src/preload/protocol';
import { testCore } from '../helpers/core';
import { FakeWebContents, resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpc } = await import('../../src/main/ipc');
const { appLocation } = await import('../../src/main/app-url');
const { sendProgress } = await import('../../src/main/progress');

const ownUrl = 'app://zhurnal/index.html';
const location = appLocation();

type Handler = (event: unknown, request: unknown) => Promise<unknown> | unknown;
const handler = (): Handler => state().handlers.get(invokeChannel) as Handler;

function eventFrom(sender: FakeWebContents, url = ownUrl, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}

describe('the IPC handler', () => {
  const core = testCore();
  // `seen` is the context as the call arrived; `call` is the live object, as the core left it.
  const calls: { channel: string; seen: CallContext; call: CallContext }[] = [];
  let unregister: () => void;

  beforeAll(() => {
    resetFake();
    unregister = registerIpc({
      isOwnUrl: location.isOwn,
      dispatch: (channel, input, call) => {
        calls.push({ channel, seen: { ...call }, call });
        return core.dispatch(channel, input, call);
      },
    });
  });
  afterAll(() => unregister());

  it('refuses a sender from a foreign URL without reaching the core', async () => {
    const before = calls.length;
    const window = new FakeWebContents();
    for (const url of [
      'https://example.com/',
      'file:///tmp/evil.html',
      pathToFileURL(path.resolve('out/renderer/index.html')).href,
      'http://localhost:5173/',
    ]) {
      expect(await handler()(eventFrom(window, url), { channel: 'setup:status', input: {} })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    // A frame inside the app's page (an iframe) is not the app either, nor a frame that is gone.
    expect(await handler()(eventFrom(window, ownUrl, {}), { channel: 'setup:status' })).toMatchObject({ ok: false });
    expect(await handler()({ sender: window, senderFrame: null }, { channel: 'setup:status' })).toMatchObject({
      ok: false,
    });
    expect(calls.length).toBe(before);
  });

  it('answers a malformed request with a validation error', async () => {
    const window = new FakeWebContents();
    expect(await handler()(eventFrom(window), 'setup:status')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await handler()(eventFrom(window), { channel: 42 })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  it('passes a real call to the core on a temporary database', async () => {
    const window = new FakeWebContents();
    expect(await handler()(eventFrom(window), { channel: 'setup:status', input: {} })).toEqual({
      ok: true,
      value: { hasSchool: false, schoolName: null, isDemo: false },
    });
    expect(calls.at(-1)?.seen.client).toBe('desktop');
    expect(await handler()(eventFrom(window), { channel: 'nothing:here', input: {} })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('keeps the session token in main after login and authenticates later calls of the same window only', async () => {
    const window = new FakeWebContents();
    const other = new FakeWebContents();
    const call = (sender: FakeWebContents, channel: string, input: unknown = {}) =>
      handler()(eventFrom(sender), { channel, input }) as Promise<{ ok: boolean; value?: unknown }>;

    expect(
      await call(window, 'setup:createSchool', {
        schoolName: 'Школа № 7',
        admin: { login: 'admin', password: 'пароль-администратора', lastName: 'Орлова', firstName: 'Анна' },
      }),
    ).toEqual({ ok: true, value: null });
    expect(await call(window, 'school:years')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });

    const login = await call(window, 'auth:login', { login: 'admin', password: 'пароль-администратора' });
    expect(login).toMatchObject({ ok: true, value: { login: 'admin' } });
    // The login call arrived without a session and left one in main; the answer to the page has no token.
    const loginCall = calls.at(-1)!;
    expect(loginCall.seen.sessionToken).toBeNull();
    const token = loginCall.call.sessionToken;
    expect(token).toEqual(expect.any(String));
    expect(JSON.stringify(login)).not.toContain(token!);

    expect(await call(window, 'auth:me')).toMatchObject({ ok: true, value: { login: 'admin' } });
    expect(calls.at(-1)?.seen.sessionToken).toBe(token);
    expect(await call(window, 'school:years')).toMatchObject({ ok: true });

    expect(await call(other, 'auth:me')).toEqual({ ok: true, value: null });

    expect(await call(window, 'auth:logout')).toEqual({ ok: true, value: null });
    expect(await call(window, 'auth:me')).toEqual({ ok: true, value: null });
  });

  it('forgets a window’s session when the window is destroyed', async () => {
    const window = new FakeWebContents();
    const call = (channel: string, input: unknown = {}) => handler()(eventFrom(window), { channel, input });
    expect(await call('auth:login', { login: 'admin', password: 'пароль-администратора' })).toMatchObject({ ok: true });
    expect(await call('auth:me')).toMatchObject({ value: { login: 'admin' } });
    window.destroy();
    expect(await call('auth:me')).toEqual({ ok: true, value: null });
  });
});

describe('progress events', () => {
  it('go to the window on the progress channel, and not to a closed one', () => {
    const window = new FakeWebContents();
    sendProgress(window as never, { task: 'backup', done: 1, total: 2 });
    window.destroy();
    sendProgress(window as never, { task: 'backup', done: 2, total: 2 });
    expect(window.sent).toEqual([[progressChannel, { task: 'backup', done: 1, total: 2 }]]);
  });
});
