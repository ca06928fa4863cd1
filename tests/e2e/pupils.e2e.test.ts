// «Ученики» in Chromium: klruk, a class teacher of the demo school, corrects a pupil's card of their class; a bad
// phone is refused in Russian and nothing is saved; a subject teacher has no such section.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

const today = '2026-11-24';

describe('pupil cards in the browser', () => {
  const h = browserHarness(today);
  const shot = (name: string) => screenshot(h.page, name);

  it('the class teacher corrects a card of their class', { timeout: 120_000 }, async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    await page.setViewportSize({ width: 1366, height: 768 });
    const pupil = sql
      .prepare(
        `select s.id, s.last_name as lastName from students s join class_enrollments e on e.student_id = s.id
         join classes c on c.id = e.class_id join users u on u.id = c.class_teacher_id
         where u.login = 'klruk' and e.end_date is null order by s.last_name, s.first_name limit 1`,
      )
      .get() as { id: number; lastName: string };
    const stored = () =>
      sql.prepare('select address from students where id = ?').pluck().get(pupil.id) as string | null;
    const before = stored();

    await h.logIn('klruk');
    await page.getByTestId('nav-pupils').click();
    const row = page.getByTestId(`pupil-${pupil.id}`);
    await row.getByRole('button', { name: 'Изменить' }).click();
    const form = page.getByTestId('pupil-form');
    await form.getByLabel('Домашний адрес').fill('г. Курган, ул. Гоголя, д. 7, кв. 12');
    await form.getByRole('button', { name: 'Добавить родителя' }).click();
    const parent = form.getByTestId('parent-0');
    await parent.getByLabel('ФИО').fill(`${pupil.lastName}а Ольга Николаевна`);
    await parent.getByRole('textbox', { name: 'Кем приходится' }).fill('мать');
    await page.getByRole('option', { name: 'мать', exact: true }).click();
    await parent.getByLabel('Телефоны (через запятую)').fill('912 345');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(() => form.innerText())
      .toContain('Телефон «912 345»: нужны 10 цифр после +7, например +7 912 345-67-89');
    expect(stored()).toBe(before);
    await shot('pupil-card.png');

    await parent.getByLabel('Телефоны (через запятую)').fill('8 (912) 345-67-89, 83522123456');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('pupils-done').waitFor();
    await expect.poll(() => row.innerText()).toContain('(мать): +7 912 345-67-89, +7 352 212-34-56');
    expect(stored()).toBe('г. Курган, ул. Гоголя, д. 7, кв. 12');
    await shot('pupils.png');
  });

  it('a subject teacher has no «Ученики»', { timeout: 60_000 }, async () => {
    await h.logIn('uchitel');
    expect(await h.page.getByTestId('nav-pupils').count()).toBe(0);
  });
});
