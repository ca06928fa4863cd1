import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoDbFile } from '../helpers/backup';
import { startServe } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp';
import { resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/** Runs src/main/index.ts from the top, as Electron would, against the fake. */
async function startMain(): Promise<void> {
  vi.resetModules();
  const main = await import('../../src/main/index');
  await main.started;
}

/**
 * The desktop app started while `zhurnal serve` (a real process) has the same journal open: it opens no
 * database and no window, and says who holds the file and where to connect instead.
 */
describe('the desktop app on a journal another program holds', () => {
  const root = tempDir();
  let n = 0;
  beforeEach(() => {
    resetFake();
    state().paths['userData'] = fs.mkdtempSync(path.join(root, `user-${n++}-`));
  });
  afterEach(() => state().appEvents.emit('will-quit'));

  it('shows «Журнал уже открыт» with the server and its address, and quits', { timeout: 120_000 }, async () => {
    const db = demoDbFile(state().paths['userData']!, 'zhurnal.db');
    const server = await startServe(db);
    if (!server.ok) throw new Error(`serve did not start: ${server.stderr}`);
    try {
      const before = fs.readFileSync(db);
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      await startMain();
      log.mockRestore();
      expect(state().windows).toHaveLength(0);
      expect(state().handlers.size).toBe(0);
      expect(state().quits).toBe(1);
      expect(state().errorBoxes).toHaveLength(1);
      const { title, content } = state().errorBoxes[0]!;
      expect(title).toBe('Журнал уже открыт');
      expect(content).toMatch(
        new RegExp(
          `программа «zhurnal serve» \\(процесс ${server.child.pid}\\).*Подключитесь к ней: ${server.url.replace(/\./g, '\\.')}`,
        ),
      );
      expect(content).not.toMatch(/Внутренняя ошибка|восстановить базу/);
      expect(fs.readFileSync(db).equals(before)).toBe(true);
    } finally {
      await server.stop();
    }
    // The server gone (killed: the OS let its lock go), the app opens the same journal.
    resetFake();
    state().paths['userData'] = path.dirname(db);
    await startMain();
    expect(state().errorBoxes).toEqual([]);
    expect(state().windows).toHaveLength(1);
  });
});
