import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screenLockChannel } from '../../src/preload/protocol';
import { BrowserWindow, resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { watchScreenLock } = await import('../../src/main/screen-lock');

describe('the OS screen lock reaches the journal (src/main/screen-lock.ts)', () => {
  beforeEach(() => resetFake());

  it('tells every open window when the screen locks or the computer sleeps, and skips a closed one', () => {
    const open = new BrowserWindow({});
    const closed = new BrowserWindow({});
    closed.webContents.destroyed = true;
    const stop = watchScreenLock(() => [open, closed] as never);
    state().powerEvents.emit('lock-screen');
    state().powerEvents.emit('suspend');
    expect(open.webContents.sent).toEqual([
      [screenLockChannel, undefined],
      [screenLockChannel, undefined],
    ]);
    expect(closed.webContents.sent).toEqual([]);
    stop();
    state().powerEvents.emit('lock-screen');
    expect(open.webContents.sent).toHaveLength(2);
    expect(state().powerEvents.listenerCount('lock-screen')).toBe(0);
  });

  it('does nothing on other power events', () => {
    const window = new BrowserWindow({});
    watchScreenLock(() => [window] as never);
    state().powerEvents.emit('resume');
    state().powerEvents.emit('unlock-screen');
    expect(window.webContents.sent).toEqual([]);
  });
});
