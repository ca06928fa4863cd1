// «Проверки журналов» in Chromium: the deputy saves a check of the demo school's journals and writes a remark from
// one of its lines; the teacher sees it in «Мой день» and marks it done; the deputy confirms it.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

const today = '2026-11-24';

describe('journal checks and remarks in the browser', () => {
  const h = browserHarness(today);
  const shot = (name: string) => screenshot(h.page, name);

  it(
    'a check is saved, a remark written from it, done by the teacher and confirmed',
    { timeout: 180_000 },
    async () => {
      const { page } = h;
      const sql = h.core.db.$client;
      await page.setViewportSize({ width: 1366, height: 768 });

      await h.logIn('zavuch');
      await page.getByTestId('nav-inspection').click();
      await page.getByTestId('save-check').click();
      await page.getByTestId('inspection-done').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('checks').locator('tbody tr').count()).toBe(1);
      const check = page.getByTestId('saved-check');
      await check.waitFor();
      await check.getByTestId('remark-line').first().click();
      const form = page.getByTestId('remark-form');
      await form.getByLabel('Замечание').fill('Заполнить темы уроков по КТП');
      await shot('remark-dialog.png');
      await form.getByRole('button', { name: 'Записать' }).click();
      await page.getByTestId('inspection-done').getByText('записано').waitFor();
      const remark = sql
        .prepare(
          `select r.id, u.login from inspection_remarks r join assignments a on a.id = r.assignment_id
         join users u on u.id = a.teacher_id where r.text = ? and r.check_id is not null`,
        )
        .get('Заполнить темы уроков по КТП') as { id: number; login: string };
      expect(remark).toBeDefined();
      await page.getByTestId('checks').locator('tbody tr').first().getByText('1', { exact: true }).waitFor();
      await page.mouse.wheel(0, 0);
      await shot('inspection.png');

      // The journal's teacher: «Мой день» lists it; «Исправлено».
      await page.getByRole('button', { name: 'Выйти' }).click();
      await h.logIn(remark.login);
      await page.getByTestId('nav-day').click();
      const mine = page.getByTestId(`my-remark-${remark.id}`);
      await mine.waitFor();
      expect(await mine.innerText()).toContain('Заполнить темы уроков по КТП');
      await page.getByTestId('my-remarks').scrollIntoViewIfNeeded();
      await shot('day-remarks.png');
      await mine.getByRole('button', { name: 'Исправлено' }).click();
      await expect.poll(() => mine.innerText()).toContain('исправлено учителем');

      // The deputy confirms it.
      await page.getByRole('button', { name: 'Выйти' }).click();
      await h.logIn('zavuch');
      await page.getByTestId('nav-inspection').click();
      await page.getByTestId('tab-remarks').click();
      const row = page.getByTestId(`remark-${remark.id}`);
      await row.getByRole('button', { name: 'Подтвердить' }).click();
      await expect.poll(() => row.innerText()).toContain('подтверждено');
      await shot('remarks.png');
      expect(
        sql.prepare('select resolved_at from inspection_remarks where id = ?').pluck().get(remark.id),
      ).not.toBeNull();
    },
  );

  it('the deputy writes a remark from a journal’s page', { timeout: 120_000 }, async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('zavuch');
    await page.getByTestId('nav-journal').click();
    await page.getByTestId('remark-journal').click();
    const form = page.getByTestId('remark-form');
    await form.getByLabel('Замечание').fill('Нет домашнего задания на трёх уроках');
    await form.getByRole('button', { name: 'Записать' }).click();
    await page.getByTestId('remark-done').waitFor();
    await shot('journal-remark.png');
    expect(
      sql
        .prepare('select count(*) from inspection_remarks where text = ?')
        .pluck()
        .get('Нет домашнего задания на трёх уроках'),
    ).toBe(1);
  });
});
