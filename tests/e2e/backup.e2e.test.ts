import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

describe('the backup screen in Chromium', () => {
  const h = browserHarness('2026-11-24');
  const dir = tempDir();
  const drives = ['disk2', 'stick', 'share'].map((d) => path.join(dir, d));
  for (const d of drives) fs.mkdirSync(d);

  it('backs up to three folders with one failing, verifies a copy and restores the school from it', async () => {
    const { page } = h;
    await h.logIn('admin');
    // The reminder shows on the admin's first screen and leads to the backups. (Waits are on what the page
    // shows, with Playwright's timeout: each answer goes through the host, slow when the machine is busy.)
    await page
      .getByTestId('backup-reminder')
      .filter({ hasText: /ни разу/ })
      .waitFor();
    await page.getByRole('button', { name: 'Открыть «Резервные копии»' }).click();
    await page
      .getByTestId('backup-warning')
      .filter({ hasText: /ни разу/ })
      .waitFor();

    for (const d of drives) {
      await page.getByLabel(/^Папка/).fill(d);
      await page.getByRole('button', { name: 'Добавить папку' }).click();
      await page.getByTestId('backup-destination').filter({ hasText: d }).waitFor();
      expect(await page.getByTestId('backup-destination').count()).toBe(drives.indexOf(d) + 1);
    }
    await page.getByLabel('Пароль шифрования копий').fill('пароль для копий школы');
    await page.getByRole('button', { name: 'Задать пароль' }).click();
    await page.getByLabel(/Пароль шифрования задан/).waitFor();

    // The network share goes away before the backup.
    fs.rmdirSync(drives[2]!);
    await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
    await page.getByTestId('backup-last-run').waitFor({ timeout: 60_000 });
    const results = await page.getByTestId('backup-result').allInnerTexts();
    expect(results.map((r) => r.slice(0, 1))).toEqual(['✓', '✓', '✗']);
    expect(results[2]).toMatch(/не найдена/);
    expect(await page.getByTestId('backup-warning').count()).toBe(0);
    await page.getByTestId('backup-file').nth(1).waitFor();
    expect(await page.getByTestId('backup-file').count()).toBe(2);
    await page.screenshot({ path: path.join(dir, 'backup-screen.png'), fullPage: true });
    if (process.env.ZHURNAL_SCREENSHOTS)
      fs.copyFileSync(
        path.join(dir, 'backup-screen.png'),
        path.join(process.env.ZHURNAL_SCREENSHOTS, 'backup-screen.png'),
      );

    await page.getByTestId('backup-file').first().getByRole('button', { name: 'Проверить' }).click();
    await expect
      .poll(() => page.getByTestId('verify-result').first().innerText(), { timeout: 30_000 })
      .toMatch(/Копия исправна: учеников \d+/);

    // Marks lost after the backup come back with the restore.
    const sql = () => h.core.db.$client;
    const marks = () => (sql().prepare('select count(*) as n from marks').get() as { n: number }).n;
    const before = marks();
    sql().prepare('delete from marks where id in (select id from marks limit 25)').run();
    await page.getByTestId('backup-file').first().getByRole('button', { name: 'Восстановить' }).click();
    await page.getByLabel('Ваш пароль администратора').fill('не тот');
    await page.getByRole('dialog').getByRole('button', { name: 'Восстановить' }).click();
    await page.getByText('Неверный пароль администратора').waitFor();
    expect(marks()).toBe(before - 25);
    await page.getByLabel('Ваш пароль администратора').fill('demo');
    await page.getByRole('dialog').getByRole('button', { name: 'Восстановить' }).click();
    await page.getByText('База восстановлена').waitFor({ timeout: 60_000 });
    expect(marks()).toBe(before);
    await page.getByRole('button', { name: 'Войти заново' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await h.logIn('admin');
    // The restored school still knows its drives and its last backup. The admin is back on the backup screen,
    // which has no reminder; on another screen the reminder asks, is answered «no warning», and shows nothing.
    const warning = page.waitForResponse((r) => r.url().endsWith('/api/backup:warning'));
    await page.getByTestId('nav-admin').click();
    expect(await (await warning).json()).toEqual({ ok: true, value: { warning: null } });
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);
    await page.getByTestId('nav-backup').click();
    await page.getByTestId('backup-destination').nth(2).waitFor();
    expect(await page.getByTestId('backup-destination').count()).toBe(3);
    // One long scenario: three scrypt derivations at age's full work factor, on a machine shared by many.
  }, 180_000);

  it('is not in a teacher’s navigation', async () => {
    await h.logIn('uchitel');
    expect(await h.page.getByTestId('nav-backup').count()).toBe(0);
  });
});
