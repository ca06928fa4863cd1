import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../src/shared/contract';
import type { ZhurnalApi } from '../../src/preload/api';
import {
  changesChannel,
  channelsArgument,
  channelsFromArgv,
  invokeChannel,
  progressChannel,
  screenLockChannel,
  watchChangesChannel,
} from '../../src/preload/protocol';
import { resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('the preload', () => {
  let api: ZhurnalApi;

  beforeAll(async () => {
    resetFake();
    // What main's window passes (see window.test.ts), and a handler standing in for main's.
    process.argv.push(channelsArgument(channelNames));
    state().handlers.set(invokeChannel, (_event: unknown, request: unknown) => ({ ok: true, value: request }));
    await import('../../src/preload/index');
    process.argv.pop();
    api = state().exposed[0]?.api as ZhurnalApi;
  });

  it('exposes only window.api, with invoke and onProgress', () => {
    expect(state().exposed.map((e) => e.key)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onChanges', 'onProgress', 'onScreenLock']);
  });

  it('allows exactly the contract’s channels', async () => {
    expect([...channelsFromArgv([channelsArgument(channelNames)])]).toEqual([...channelNames]);
    for (const channel of channelNames) {
      expect(await api.invoke(channel, { a: 1 })).toEqual({ ok: true, value: { channel, input: { a: 1 } } });
    }
    expect(
      state()
        .rendererInvokes.map((i) => i.args[0] as { channel: string })
        .map((r) => r.channel),
    ).toEqual([...channelNames]);
    expect(state().rendererInvokes.every((i) => i.channel === invokeChannel)).toBe(true);
  });

  it('refuses a channel outside the contract without calling main', async () => {
    const before = state().rendererInvokes.length;
    for (const channel of ['fs:readFile', 'zhurnal:invoke', '', 'auth:login ', '__proto__', 'constructor']) {
      expect(await api.invoke(channel, {})).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
    expect(await api.invoke(42 as unknown as string, {})).toMatchObject({ ok: false });
    expect(state().rendererInvokes.length).toBe(before);
  });

  it('allows nothing when main passed no channel list', () => {
    expect(channelsFromArgv(['electron', '--type=renderer']).size).toBe(0);
  });

  it('turns a failed IPC call into an internal error Result', async () => {
    state().handlers.set(invokeChannel, () => {
      throw new Error('boom');
    });
    expect(await api.invoke('setup:status')).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('delivers progress payloads, never the IPC event, until unsubscribed', () => {
    const heard: unknown[] = [];
    const unsubscribe = api.onProgress((p) => heard.push(p));
    const progress = { task: 'backup', done: 1, total: 3 };
    state().rendererEvents.emit(progressChannel, { sender: 'secret' }, progress);
    state().rendererEvents.emit('zhurnal:other', {}, { task: 'x', done: 0, total: null });
    unsubscribe();
    state().rendererEvents.emit(progressChannel, {}, { task: 'backup', done: 2, total: 3 });
    expect(heard).toEqual([progress]);
    expect(state().rendererEvents.listenerCount(progressChannel)).toBe(0);
  });

  it('tells the page of the OS screen lock, with nothing of the IPC event, until unsubscribed', () => {
    const heard: unknown[][] = [];
    const unsubscribe = api.onScreenLock((...args: unknown[]) => void heard.push(args));
    state().rendererEvents.emit(screenLockChannel, { sender: 'secret' });
    unsubscribe();
    state().rendererEvents.emit(screenLockChannel, {});
    expect(heard).toEqual([[]]);
    expect(state().rendererEvents.listenerCount(screenLockChannel)).toBe(0);
  });

  it('asks main for the session’s changes while anyone listens, and passes on only the message', () => {
    const watches: unknown[] = [];
    state().mainEvents.on(watchChangesChannel, (_event: unknown, on: unknown) => watches.push(on));
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.onChanges((m) => first.push(m));
    const stopSecond = api.onChanges((m) => second.push(m));
    state().rendererEvents.emit(changesChannel, { sender: 'secret' }, { type: 'open' });
    stopFirst();
    stopFirst();
    expect(watches).toEqual([true]);
    state().rendererEvents.emit(changesChannel, {}, { type: 'lost' });
    stopSecond();
    expect(watches).toEqual([true, false]);
    expect(first).toEqual([{ type: 'open' }]);
    expect(second).toEqual([{ type: 'open' }, { type: 'lost' }]);
    expect(state().rendererEvents.listenerCount(changesChannel)).toBe(0);
    expect(() => api.onChanges('x' as never)).toThrow(TypeError);
  });
});
