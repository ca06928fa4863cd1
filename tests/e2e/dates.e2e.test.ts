// Dates and times follow the school, not the browser: in a Chromium set to English (as a computer bought abroad
// is), the date fields read «24.11.2026», the month «ноябрь 2026», the calendar starts on «Пн», the bells «13:05».
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

describe('dates in an English browser', () => {
  const today = '2026-11-24';
  const h = browserHarness(today, { locale: 'en-US' });
  const shot = (name: string) => screenshot(h.page, name);

  it('shows Russian dates and months to the deputy, and reads a date typed the Russian way', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    // The browser itself speaks English: what a native date field would have shown as mm/dd/yyyy.
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await page.evaluate(() => new Date(2026, 11, 1).toLocaleDateString())).toBe('12/1/2026');

    await h.logIn('zavuch');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-attendanceMonth').click();
    await expect.poll(() => page.getByTestId('param-month').innerText()).toBe('ноябрь 2026');
    await page.getByTestId('param-month').click();
    // The months of the year, in Russian, to pick from.
    const december = page.locator('[data-dates-dropdown]').getByText('дек.', { exact: true });
    await december.waitFor();
    await shot('dates-month-picker');
    await december.click();
    await expect.poll(() => page.getByTestId('param-month').innerText()).toBe('декабрь 2026');

    await page.getByTestId('report-control').click();
    const from = page.getByTestId('param-from');
    await expect.poll(() => from.inputValue()).toBe('25.10.2026');
    await from.click();
    // The calendar: the month of the field's date in Russian, the week from Monday.
    const calendar = page.locator('[data-dates-dropdown]');
    await expect.poll(() => calendar.innerText()).toMatch(/^октябрь 2026/i);
    const weekdays = await calendar.locator('thead th').allInnerTexts();
    expect(weekdays.map((d) => d.toLowerCase())).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    await shot('dates-calendar');
    await page.keyboard.press('Escape');
    await from.fill('02.11.2026');
    await from.blur();
    expect(await from.inputValue()).toBe('02.11.2026');
    // Not a date: the field returns to the last good one.
    await from.fill('31.02.2026');
    await from.blur();
    expect(await from.inputValue()).toBe('02.11.2026');
  });

  it('shows the bells on the 24-hour clock', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    const bells = h.core.db.$client
      .prepare('select start_time as start from bell_times where shift = 1 order by number')
      .all() as { start: string }[];
    const afternoon = bells.findIndex((b) => b.start >= '12:00');
    expect(afternoon).toBeGreaterThan(0);
    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-timetable').click();
    const table = page.getByTestId('bells-table');
    const hours = table.getByLabel(`Начало ${afternoon + 1}-го урока: часы`);
    const minutes = table.getByLabel(`Начало ${afternoon + 1}-го урока: минуты`);
    await expect.poll(() => hours.inputValue()).toBe(bells[afternoon]!.start.slice(0, 2));
    expect(await minutes.inputValue()).toBe(bells[afternoon]!.start.slice(3, 5));
    expect(await table.innerText()).not.toMatch(/AM|PM/);
    await table.scrollIntoViewIfNeeded();
    await shot('dates-bells');
  });
});
