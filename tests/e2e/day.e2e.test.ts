// «Мой день» on a day without lessons: what earlier days still lack, then the next school day's lessons. The demo
// school keeps a six-day week for grades 5–11, so its teacher finds lessons to fill on a Saturday too.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { saveShot } from '../helpers/screenshots';

const lessonsOf = (h: ReturnType<typeof browserHarness>, date: string) =>
  (
    h.core.db.$client
      .prepare(
        `select l.id from lessons l join users u on u.id = l.given_by_id where u.login = 'uchitel' and l.date = ? order by l.lesson_number`,
      )
      .all(date) as { id: number }[]
  ).map((r) => r.id);

const shownIds = (h: ReturnType<typeof browserHarness>, table: string) =>
  h.page
    .getByTestId(table)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')!.replace('day-lesson-', ''))));

describe('«Мой день» on a Sunday', () => {
  const h = browserHarness('2026-11-29');

  it('shows what Friday and Saturday still lack, then Monday’s lessons; a line opens its lesson', async () => {
    const sql = h.core.db.$client;
    const [saturdayFirst] = lessonsOf(h, '2026-11-28');
    expect(saturdayFirst).toBeDefined();
    sql.prepare('update lessons set topic = null, topic_entered_at = null where id = ?').run(saturdayFirst);
    const monday = lessonsOf(h, '2026-11-30');
    expect(monday.length).toBeGreaterThan(0);

    await h.logIn('uchitel');
    await h.page.getByTestId('day-no-lessons').waitFor();
    const earlier = await shownIds(h, 'day-earlier');
    expect(earlier).toContain(saturdayFirst);
    expect(await h.page.getByTestId(`day-lesson-${saturdayFirst}`).innerText()).toContain('тема');
    expect(await h.page.getByText('Ближайший учебный день · понедельник, 30 ноября').count()).toBe(1);
    expect(await shownIds(h, 'day-next')).toEqual(monday);
    expect(await h.page.getByTestId('day-next').innerText()).toContain('урок ещё впереди');
    await saveShot(h.page, 'day-sunday', true);

    // The keyboard starts on the first unfilled lesson of the days before; Enter opens it in the journal.
    const first = earlier.find((id) => id !== undefined)!;
    await expect
      .poll(() => h.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(`open-lesson-${first}`);
    await h.page.getByTestId(`open-lesson-${saturdayFirst}`).click();
    await h.page.getByTestId('lesson-panel').waitFor({ timeout: 15_000 });
    expect(await h.page.getByTestId('lesson-topic').inputValue()).toBe('');
  });
});

describe('«Мой день» on a Saturday in the demo school', () => {
  const h = browserHarness('2026-11-28');

  it('lists the demo teacher’s Saturday lessons, to fill as on any school day', async () => {
    const saturday = lessonsOf(h, '2026-11-28');
    expect(saturday.length).toBeGreaterThan(0);
    await h.logIn('uchitel');
    await h.page.getByTestId('day-lessons').waitFor();
    expect(await shownIds(h, 'day-lessons')).toEqual(saturday);
    expect(await h.page.getByTestId('day-no-lessons').count()).toBe(0);
    await saveShot(h.page, 'day-saturday', true);
  });
});
