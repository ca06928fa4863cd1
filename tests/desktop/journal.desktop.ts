// The installed app itself, in Electron (Playwright's Electron mode): a fresh user-data folder, the demonstration
// school, a teacher's mark, and the mark still there after the app was quit and started again. Run by
// `npm run test:desktop` (scripts/test-desktop.mjs), which skips where the Electron binary is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

const executablePath = process.env['ZHURNAL_ELECTRON'];
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-desktop-'));
const shots = path.resolve('test-results/desktop');
fs.mkdirSync(shots, { recursive: true });

afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  if (!executablePath) throw new Error('ZHURNAL_ELECTRON is not set: run this through npm run test:desktop');
  const app = await _electron.launch({
    executablePath,
    args: ['.'],
    env: { ...process.env, ZHURNAL_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  // The school's usual monitor; the window's content area, as a teacher would see it.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setContentSize(1366, 768));
  return { app, page };
}

async function logInAsTeacher(page: Page): Promise<void> {
  await page.getByLabel('Логин').fill('uchitel');
  await page.getByLabel('Пароль').fill('demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('nav-journal').click();
  await page.getByTestId('journal-grid').waitFor({ timeout: 30_000 });
}

describe('the desktop app (Electron)', () => {
  let cell = '';

  it('opens the demonstration school on a fresh folder, and a teacher records a mark', async () => {
    const { app, page } = await launch();
    try {
      await page.getByRole('button', { name: 'Открыть демонстрационную школу' }).click();
      await page.getByLabel('Логин').waitFor({ timeout: 120_000 });
      await logInAsTeacher(page);
      // The first empty cell from the left: a lesson of the period's first days, held and in the past.
      const empty = page.locator('td[data-testid^="cell-"]').filter({ hasText: /^$/ }).first();
      cell = (await empty.getAttribute('data-testid'))!;
      await empty.click();
      await page.getByTestId('grid-scroll').focus();
      await page.keyboard.press('5');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId(cell).innerText()).toBe('5');
      await expect.poll(() => page.getByTestId(cell).getAttribute('data-waiting')).toBeNull();
      await page.screenshot({ path: path.join(shots, 'journal.png') });
    } finally {
      await app.close();
    }
    expect(fs.existsSync(path.join(userData, 'zhurnal.db'))).toBe(true);
  });

  it('after quitting and starting again, opens the same journal with the mark in it', async () => {
    expect(cell).not.toBe('');
    const { app, page } = await launch();
    try {
      await logInAsTeacher(page);
      await expect.poll(() => page.getByTestId(cell).innerText()).toBe('5');
      await page.screenshot({ path: path.join(shots, 'journal-again.png') });
    } finally {
      await app.close();
    }
  });
});
