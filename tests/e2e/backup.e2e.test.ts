import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp';
import { screenshot } from '../helpers/screenshot';

describe('the backup screen in Chromium', () => {
  const h = browserHarness('2026-11-24');
  const dir = tempDir();
  const drives = ['disk2', 'stick', 'share'].map((d) => path.join(dir, d));
  for (const d of drives) fs.mkdirSync(d);

  /** The screen as it is, at the size of a school's usual laptop, kept for a person to look at. */
  const shot = (name: string) => screenshot(h.page, name);

  it('makes the paper key, backs up to three folders with one failing, verifies a copy and restores the school from it with the key', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('admin');
    // The reminder shows on the admin's first screen and leads to the backups. (Waits are on what the page
    // shows, with Playwright's timeout: each answer goes through the host, slow when the machine is busy.)
    await page
      .getByTestId('backup-reminder')
      .filter({ hasText: /создайте ключ шифрования/ })
      .waitFor();
    await page.getByTestId('backup-reminder').getByRole('button', { name: 'Открыть «Резервные копии»' }).click();
    await page
      .getByTestId('backup-warning')
      .filter({ hasText: /создайте ключ шифрования/ })
      .waitFor();

    // The key, made once: its secret part is shown and handed out here, and nowhere kept.
    await page.getByRole('button', { name: 'Создать ключ…' }).click();
    await page.getByLabel('Пароль файла ключа (необязательно)').fill('пароль файла ключа школы');
    await page.getByRole('dialog').getByRole('button', { name: 'Создать ключ' }).click();
    await page.getByTestId('paper-key').waitFor();
    const shown = (await page.getByTestId('paper-key').innerText()).replace(/\s+/g, '');
    expect(shown).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать лист для печати (PDF)' }).click(),
    ]);
    const pdfFile = path.join(dir, 'paper-key.pdf');
    await pdf.saveAs(pdfFile);
    expect(pdfText(pdfFile).replace(/\s+/g, '')).toContain(shown);
    const [keyFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Сохранить файл ключа (с паролем)' }).click(),
    ]);
    expect(keyFile.suggestedFilename()).toBe('zhurnal-key.txt.age');
    await shot('backup-paper-key.png');
    expect(await page.getByRole('button', { name: 'Готово' }).isDisabled()).toBe(true);
    await page.getByLabel('Я распечатал(а) ключ и убрал(а) лист в надёжное место').check();
    await page.getByRole('button', { name: 'Готово' }).click();
    await page
      .getByTestId('backup-key-state')
      .filter({ hasText: /шифруются ключом школы/ })
      .waitFor();
    await page
      .getByTestId('backup-warning')
      .filter({ hasText: /ни разу/ })
      .waitFor();

    for (const d of drives) {
      await page.getByLabel(/^Папка/).fill(d);
      await page.getByRole('button', { name: 'Добавить папку' }).click();
      // A destination needs the admin's password again, in the one confirm dialog.
      await page.getByTestId('step-up-password').fill('demo');
      await page.getByTestId('step-up-confirm').click();
      await page.getByTestId('backup-destination').filter({ hasText: d }).waitFor();
      expect(await page.getByTestId('backup-destination').count()).toBe(drives.indexOf(d) + 1);
    }

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
    await shot('backup-screen.png');

    // Checking an encrypted copy takes the paper key: one mistyped sign is named as such, then the key as typed
    // from the paper (lower case, groups apart) opens it.
    await page.getByTestId('backup-file').first().getByRole('button', { name: 'Проверить' }).click();
    const groups = shown.slice('AGE-SECRET-KEY-1'.length).match(/.{1,5}/g)!;
    const slip = [...groups.slice(0, -1), `${groups.at(-1)!.slice(0, -1)}${groups.at(-1)!.endsWith('q') ? 'p' : 'q'}`];
    await page.getByTestId('paper-key-input').fill(slip.join(' '));
    await page.getByRole('dialog').getByRole('button', { name: 'Проверить' }).click();
    await page
      .getByTestId('verify-error')
      .filter({ hasText: /Ключ введён с ошибкой/ })
      .waitFor();
    await page.getByTestId('paper-key-input').fill(groups.join(' ').toLowerCase());
    await page.getByRole('dialog').getByRole('button', { name: 'Проверить' }).click();
    await expect
      .poll(() => page.getByTestId('verify-result').first().innerText(), { timeout: 30_000 })
      .toMatch(/Копия исправна: учеников \d+/);

    // Marks lost after the backup come back with the restore.
    const sql = () => h.core.db.$client;
    const marks = () => (sql().prepare('select count(*) as n from marks').get() as { n: number }).n;
    const before = marks();
    sql().prepare('delete from marks where id in (select id from marks limit 25)').run();
    await page.getByTestId('backup-file').first().getByRole('button', { name: 'Восстановить' }).click();
    await page.getByTestId('paper-key-input').fill(shown);
    await page.getByLabel('Ваш пароль администратора').fill('не тот');
    await page.getByRole('dialog').getByRole('button', { name: 'Восстановить' }).click();
    await page.getByText('Неверный пароль администратора').waitFor();
    expect(marks()).toBe(before - 25);
    await page.getByLabel('Ваш пароль администратора').fill('demo');
    await page.getByRole('dialog').getByRole('button', { name: 'Восстановить' }).click();
    // The restore ends every session: the dialog says so (with «Войти заново»), unless the session's end reaches
    // the page first and it goes to the login screen by itself.
    const login = page.getByRole('button', { name: 'Войти', exact: true });
    const again = page.getByRole('button', { name: 'Войти заново' });
    await expect
      .poll(async () => (await again.count()) + (await login.count()), { timeout: 60_000 })
      .toBeGreaterThan(0);
    expect(marks()).toBe(before);
    if ((await again.count()) > 0) await again.click();
    await login.waitFor();
    await h.logIn('admin');
    // The restored school still knows its drives and its last backup. The admin is back on the backup screen,
    // which has no reminder; on another screen the reminder asks, is answered «no warning», and shows nothing.
    const warning = page.waitForResponse((r) => r.url().endsWith('/api/backup:warning'));
    await page.getByTestId('nav-admin').click();
    expect(await (await warning).json()).toMatchObject({ ok: true, value: { warning: null } });
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);
    await page.getByTestId('nav-backup').click();
    await page.getByTestId('backup-destination').nth(2).waitFor();
    expect(await page.getByTestId('backup-destination').count()).toBe(3);
    // One long scenario (the key file's scrypt at age's full work factor among it), on a machine shared by many.
  }, 180_000);

  it('is not in a teacher’s navigation', async () => {
    await h.logIn('uchitel');
    expect(await h.page.getByTestId('nav-backup').count()).toBe(0);
  });
});
