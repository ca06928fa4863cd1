// Closing a school year end to end: the admin sees the missing marks, records a decision for every class,
// closes the year (acknowledging the gaps) and prepares the next one; the movement screen then shows it.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';

const today = '2026-11-24';

describe('closing a year in the browser', () => {
  const h = browserHarness(today);

  it('closes the year and opens the next', { timeout: 240_000 }, async () => {
    const sql = h.core.db.$client;
    const page = h.page;
    await h.logIn('admin');
    await page.getByTestId('nav-yearclose').click();
    await page.getByTestId('gaps').waitFor({ timeout: 15_000 });
    // Every line of the gaps names a journal and links to it.
    const href = await page.getByTestId('gaps').locator('a').first().getAttribute('href');
    expect(href).toMatch(/^#\/journal\?assignment=\d+/);
    await page.screenshot({ path: 'test-results/year-gaps.png', fullPage: true });

    await page.getByLabel('№ приказа').first().fill('П-7');
    const classes = sql.prepare(`select c.grade || c.letter as name from classes c join school_years y on y.id = c.year_id and y.is_current = 1 order by c.grade`).all() as Array<{ name: string }>;
    for (const { name } of classes) {
      await page.getByTestId('decisions-class').click();
      await page.getByRole('option', { name, exact: true }).click();
      await page.getByTestId('decisions-save').click();
      await expect.poll(() => page.getByTestId('decisions').getByText('предложено').count(), { timeout: 20_000 }).toBe(0);
    }
    await page.screenshot({ path: 'test-results/year-decisions.png', fullPage: true });
    expect(sql.prepare(`select count(*) as n from year_outcomes`).get()).toEqual({ n: (sql.prepare(`select count(*) as n from class_enrollments e join classes c on c.id = e.class_id join school_years y on y.id = c.year_id and y.is_current = 1 where e.end_date is null`).get() as { n: number }).n });

    await page.getByLabel('№ приказа').last().fill('П-8');
    await page.getByTestId('year-close').click();
    // Gaps not acknowledged: refused with the count.
    await page.getByText(/Не выставлено \d+ итоговых отметок/).waitFor();
    await page.getByLabel('Закрыть, хотя не все итоговые отметки выставлены').check();
    await page.getByTestId('year-close').click();
    await page.getByTestId('year-closed').waitFor();
    await page.getByTestId('next-year-prepare').click();
    await expect.poll(() => page.getByTestId('next-year-done').textContent(), { timeout: 20_000 }).toContain('Подготовлен 2027/2028 учебный год');
    await page.screenshot({ path: 'test-results/year-next.png', fullPage: true });

    await page.getByTestId('nav-movement').click();
    await page.getByRole('heading', { name: 'Движение учащихся · 2027/2028' }).waitFor();
    const next = sql.prepare(`select c.grade || c.letter as name, count(e.id) as n from classes c join school_years y on y.id = c.year_id and y.name = '2027/2028' left join class_enrollments e on e.class_id = c.id group by c.id order by c.grade`).all() as Array<{ name: string; n: number }>;
    expect(next.map((c) => c.name)).toEqual(['1А', '2А', '3А', '4А', '5А', '6А', '7А', '8А', '9А', '10А', '11А']);
    expect(next.find((c) => c.name === '1А')?.n).toBe(0);
    expect(next.find((c) => c.name === '6А')?.n).toBeGreaterThan(5);
  });
});
