import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { keepServingOnClose, servingTooltip, trayIconFile } = await import('../../src/main/tray');

describe('closing the window of the school’s computer', () => {
  beforeEach(() => resetFake());

  it('quits as before when the app serves nobody', () => {
    keepServingOnClose({ serving: () => false, connected: () => 0, openWindow: () => {} });
    state().appEvents.emit('window-all-closed');
    expect(state().quits).toBe(1);
    expect(state().trays).toEqual([]);
  });

  it('keeps serving in the tray, opens the window again from it, and quits only when confirmed', () => {
    let opened = 0;
    keepServingOnClose({ serving: () => true, connected: () => 2, openWindow: () => opened++ });
    state().appEvents.emit('window-all-closed');
    expect(state().quits).toBe(0);
    const tray = state().trays[0]!;
    expect(tray.tooltip).toBe(servingTooltip);
    expect(fs.existsSync((tray.image as { file: string }).file)).toBe(true);
    expect(fs.existsSync(trayIconFile())).toBe(true);
    const item = (label: string) => tray.menu!.template.find((i) => i.label === label)!;
    item('Открыть журнал').click!();
    tray.emit('click');
    expect(opened).toBe(2);
    // Closed again after reopening: still the one tray icon.
    state().appEvents.emit('window-all-closed');
    expect(state().trays).toHaveLength(1);

    state().messageBoxAnswer = 1;
    item('Выйти').click!();
    expect(state().quits).toBe(0);
    expect(state().messageBoxes.at(-1)?.buttons).toEqual(['Выйти', 'Отмена']);
    expect(state().messageBoxes.at(-1)?.detail).toMatch(/другие компьютеры \(2\)/);
    state().messageBoxAnswer = 0;
    item('Выйти').click!();
    expect(state().quits).toBe(1);
    expect(tray.destroyed).toBe(true);
  });

  it('quits from the tray without asking when no other computer is connected', () => {
    let connected = 1;
    keepServingOnClose({ serving: () => true, connected: () => connected, openWindow: () => {} });
    state().appEvents.emit('window-all-closed');
    const quit = state().trays[0]!.menu!.template.find((i) => i.label === 'Выйти')!;
    state().messageBoxAnswer = 1;
    quit.click!();
    expect([state().messageBoxes.length, state().quits]).toEqual([1, 0]);
    connected = 0;
    quit.click!();
    expect([state().messageBoxes.length, state().quits]).toEqual([1, 1]);
  });
});
