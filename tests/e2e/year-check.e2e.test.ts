// Year closing opened in December: the 3rd and 4th quarters have not begun, so their marks are shown apart
// («Ещё не закончились»), not counted as missing.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { saveShot } from '../helpers/screenshots';

describe('the year-closing check in December', () => {
  const today = '2026-12-10';
  const h = browserHarness(today);

  it('lists as gaps only periods that have ended, the others apart with their end dates', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    const ended = sql
      .prepare('select distinct name from periods where end_date < ? order by name')
      .pluck()
      .all(today) as string[];
    const running = sql.prepare('select distinct name from periods where end_date >= ?').pluck().all(today) as string[];
    expect(running).toEqual(expect.arrayContaining(['3 четверть', '4 четверть']));
    // A quarter mark left out in an ended period: a real gap.
    const removed = sql
      .prepare(
        `delete from period_marks where id = (select pm.id from period_marks pm join periods p on p.id = pm.period_id
           where pm.kind = 'period' and p.end_date < ? limit 1)`,
      )
      .run(today).changes;
    expect(removed).toBe(1);

    await page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('zavuch');
    await page.getByTestId('nav-yearclose').click();
    await page.getByTestId('not-ended').waitFor({ timeout: 15_000 });
    const periodsOfGaps = await page
      .getByTestId('gaps')
      .locator('tbody tr td:nth-child(3)')
      .evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent ?? ''))]);
    expect(periodsOfGaps.length).toBeGreaterThan(0);
    for (const p of periodsOfGaps) expect(ended).toContain(p);
    const apart = await page.getByTestId('not-ended').innerText();
    for (const p of [...running, 'Год']) expect(apart).toContain(p);
    expect(apart).toContain('до 31.05.2027');
    await saveShot(page, 'year-check-december', true);
  });
});
