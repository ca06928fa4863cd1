// The address keeps the place: class, subject, period and tab of a journal (and the other screens' choices)
// survive a reload, Back and Forward, and a link; «Журнал» reopens a teacher's last journal after a login.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { saveShot } from '../helpers/screenshots';

describe('places kept in the address', () => {
  const h = browserHarness('2026-11-24');
  const hashOf = () => decodeURIComponent(new URL(h.page.url()).hash);
  const base = () => h.page.url().split('#')[0]!;
  const journalShown = async () => {
    await h.page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    return h.page.getByTestId('assignment-select').inputValue();
  };

  it('a shared link opens 8А · Алгебра in the 1st quarter on its tab; reload, Back and Forward keep the place', async () => {
    const { page } = h;
    await h.logIn('zavuch');
    await page.goto(`${base()}#/journal/8А/алгебра/q1?tab=lessons`);
    await page.getByTestId('lessons-list').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('assignment-select').inputValue()).toBe('8А · Алгебра');
    expect(await page.getByRole('tab', { name: 'Темы уроков и задания' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('period-dates').innerText()).toMatch(/^1 четверть/);
    await saveShot(page, 'navigation-link-8a-algebra-q1');

    await page.reload();
    await page.getByTestId('lessons-list').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('assignment-select').inputValue()).toBe('8А · Алгебра');
    expect(await page.getByTestId('period-dates').innerText()).toMatch(/^1 четверть/);

    await page.getByRole('tab', { name: 'Отметки и пропуски' }).click();
    await page.getByTestId('period-select').getByText('2 четверть').click();
    await expect.poll(hashOf).toBe('#/journal/8А/алгебра/q2');
    await page.getByTestId('assignment-select').click();
    await page.getByTestId('assignment-select').fill('8а геометр');
    await page.getByRole('option', { name: /^8А · Геометрия/ }).click();
    await expect.poll(hashOf).toBe('#/journal/8А/геометрия/q2');
    expect(await journalShown()).toBe('8А · Геометрия');

    await page.goBack();
    await expect.poll(() => page.getByTestId('assignment-select').inputValue()).toBe('8А · Алгебра');
    expect(await page.getByTestId('period-dates').innerText()).toMatch(/^2 четверть/);
    await page.goBack();
    await expect.poll(() => page.getByTestId('period-dates').innerText()).toMatch(/^1 четверть/);
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.getByTestId('assignment-select').inputValue()).toBe('8А · Геометрия');
    await saveShot(page, 'navigation-after-back-forward');

    // The other screens keep their choices too: a report, a class's week.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-forecast').click();
    await expect.poll(hashOf).toBe('#/reports?report=forecast');
    await page.reload();
    await page.getByTestId('report-forecast').waitFor();
    expect(await page.getByTestId('report-forecast').getAttribute('data-active')).toBe('true');
    await page.goto(`${base()}#/attendance?tab=week&class=7А&week=2026-11-16`);
    await expect.poll(() => page.getByTestId('attendance-class').inputValue()).toBe('7А');
    await page.getByText(/Неделя 16\.11 — 22\.11\.2026/).waitFor();
    await saveShot(page, 'navigation-attendance-week');
  });

  it('an old link by id is rewritten to the readable address; «Журнал» reopens the teacher’s last journal after a new login', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    const other = sql
      .prepare(
        `select a.id, c.grade || c.letter as cls, s.name as subject from assignments a join users u on u.id = a.teacher_id
         join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
         where u.login = 'uchitel' and a.subgroup_id is null and not (c.grade = 5 and s.name = 'Математика') order by c.grade desc limit 1`,
      )
      .get() as { id: number; cls: string; subject: string };
    await h.logIn('uchitel');
    await page.goto(`${base()}#/journal?assignment=${other.id}`);
    expect(await journalShown()).toBe(`${other.cls} · ${other.subject}`);
    await expect.poll(hashOf).toMatch(new RegExp(`^#/journal/${other.cls}/${other.subject.toLowerCase()}/[qht]\\d$`));

    await page.getByTestId('nav-day').click();
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await h.logIn('uchitel');
    await page.getByTestId('nav-journal').click();
    expect(await journalShown()).toBe(`${other.cls} · ${other.subject}`);
    await saveShot(page, 'navigation-last-journal');
    // Another teacher on the same computer starts on their own journal, not the previous user's.
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await h.logIn('klruk');
    await page.getByTestId('nav-journal').click();
    expect(await journalShown()).not.toBe(`${other.cls} · ${other.subject}`);
  });
});
