import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoDbFile } from '../helpers/backup';
import { startServe } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp';
import { invokeChannel } from '../../src/preload/protocol';
import { resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/** Runs src/main/index.ts from the top, as Electron would, against the fake. */
async function startMain(): Promise<void> {
  vi.resetModules();
  const main = await import('../../src/main/index');
  await main.started;
}

/** A call as the page makes it, through main's one IPC handler, from the window's own page. */
async function pageCall(channel: string, input: unknown = {}): Promise<unknown> {
  const window = state().windows[0]!;
  state().rendererUrl = window.loadedUrl!;
  const handler = state().handlers.get(invokeChannel) as (...args: unknown[]) => unknown;
  return handler(
    { sender: window.webContents, senderFrame: { url: window.loadedUrl, parent: null } },
    { channel, input },
  );
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

  it(
    'shows «Журнал уже открыт» with the server and its address, quits, or connects to it as its client',
    { timeout: 120_000 },
    async () => {
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
        expect(state().messageBoxes).toHaveLength(1);
        const { title, detail, buttons } = state().messageBoxes[0]!;
        expect(title).toBe('Журнал уже открыт');
        expect(buttons).toEqual(['Подключиться к нему', 'Закрыть']);
        expect(detail).toMatch(
          new RegExp(
            `программа «zhurnal serve» \\(процесс ${server.child.pid}\\).*Подключитесь к ней: ${server.url.replace(/\./g, '\\.')}`,
          ),
        );
        expect(detail).not.toMatch(/Внутренняя ошибка|восстановить базу/);

        // «Подключиться к нему»: the same app becomes the running server's client, this once.
        state().appEvents.emit('will-quit');
        const userData = state().paths['userData']!;
        resetFake();
        state().paths['userData'] = userData;
        state().messageBoxAnswer = 0;
        vi.spyOn(console, 'error').mockImplementation(() => {});
        await startMain();
        vi.mocked(console.error).mockRestore();
        expect(state().quits).toBe(0);
        expect(state().windows).toHaveLength(1);
        expect(await pageCall('desktop:mode')).toEqual({
          ok: true,
          value: { mode: 'client', server: expect.objectContaining({ saved: false }) },
        });
        expect(await pageCall('setup:status')).toMatchObject({ ok: true, value: { hasSchool: true, isDemo: true } });
        // Nothing kept for the next start: the next one opens this computer's journal again.
        expect(fs.existsSync(path.join(userData, 'zhurnal-server.json'))).toBe(false);
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
    },
  );
});
