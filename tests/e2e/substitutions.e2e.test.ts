// «Замены» in Chromium: the deputy records that klruk replaces uchitel on every lesson of today, sees the lessons
// and the recorded list, and the lessons are klruk's to fill at once; the admin then renames klruk's account.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

const today = '2026-11-24';

describe('substitutions and user changes in the browser', () => {
  const h = browserHarness(today);
  const shot = (name: string) => screenshot(h.page, name, { fullPage: true });
  const choose = async (testId: string, option: string) => {
    await h.page.getByTestId(testId).click();
    await h.page.getByRole('option', { name: option, exact: true }).click();
  };

  it('the deputy replaces a teacher for a day; the substitute gets those lessons', { timeout: 120_000 }, async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    await page.setViewportSize({ width: 1366, height: 768 });
    const person = (login: string) =>
      sql
        .prepare(
          `select id, last_name || ' ' || substr(first_name, 1, 1) || '.' || coalesce(' ' || substr(middle_name, 1, 1) || '.', '') as name from users where login = ?`,
        )
        .get(login) as { id: number; name: string };
    const absent = person('uchitel');
    const substitute = person('klruk');
    const lessonsToday = sql
      .prepare(
        `select l.id from lessons l join assignments a on a.id = l.assignment_id
         where a.teacher_id = ? and l.date = ? and l.status <> 'not_held'`,
      )
      .pluck()
      .all(absent.id, today) as number[];
    expect(lessonsToday.length).toBeGreaterThan(0);

    await h.logIn('zavuch');
    await page.getByTestId('nav-substitutions').click();
    await choose('absent-teacher', absent.name);
    await page.getByTestId('teacher-lessons').waitFor();
    expect(await page.getByTestId('teacher-lessons').locator('tbody tr').count()).toBe(lessonsToday.length);
    await choose('substitute', substitute.name);
    await page.getByTestId('reason').fill('Больничный лист');
    await page.getByTestId('replace-range').click();
    await expect
      .poll(() => page.getByTestId('recorded').locator('tbody tr').count(), { timeout: 15_000 })
      .toBe(lessonsToday.length);
    await expect
      .poll(() => page.getByTestId('teacher-lessons').innerText())
      .toContain(`${substitute.name} (Больничный лист)`);
    await shot('substitutions.png');
    const given = sql
      .prepare(`select given_by_id from lessons where id in (${lessonsToday.map(() => '?').join(',')})`)
      .pluck()
      .all(...lessonsToday);
    expect(new Set(given)).toEqual(new Set([substitute.id]));
  });
});
