// The admin brings a new class into the demo school through Администрирование — the class, its teacher's
// assignment, its timetable (a clash with the teacher's other class shown first) — the lessons are generated,
// and the teacher sees the new lesson in «Мой день». The deputy reads the same pages without changing them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

describe('timetable in Chromium', () => {
  const today = '2026-11-24'; // a Tuesday
  const h = browserHarness(today);
  const dir = tempDir();
  const shot = async (name: string) => {
    await h.page.screenshot({ path: path.join(dir, name), fullPage: true });
    if (process.env.ZHURNAL_SCREENSHOTS) fs.copyFileSync(path.join(dir, name), path.join(process.env.ZHURNAL_SCREENSHOTS, name));
  };
  const q = <T>(sql: string, ...args: unknown[]) => h.core.db.$client.prepare(sql).all(...args) as T[];
  const choose = async (testId: string, option: string) => {
    await h.page.getByTestId(testId).click();
    await h.page.getByRole('option', { name: option, exact: true }).click();
  };

  it('the admin builds 5Б: class, assignment, timetable; lessons appear in the teacher’s day', async () => {
    const { page } = h;
    const teacher = q<{ id: number; name: string }>("select id, last_name || ' ' || substr(first_name, 1, 1) || '. ' || substr(middle_name, 1, 1) || '.' as name from users where login = 'uchitel'")[0]!;
    // uchitel's Tuesday in the demo's timetable: one number they teach at, one they are free.
    const busy = q<{ n: number }>(
      "select t.lesson_number as n from timetable t join assignments a on a.id = t.assignment_id where a.teacher_id = ? and t.weekday = 2 order by n",
      teacher.id,
    ).map((r) => r.n);
    const busyAt = busy[0]!;
    const freeAt = [1, 2, 3, 4, 5, 6, 7].find((n) => !busy.includes(n))!;
    expect(freeAt).toBeDefined();

    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-classes').click();
    await page.getByRole('button', { name: 'Добавить класс' }).click();
    await page.getByLabel('Параллель').fill('5');
    await page.getByLabel('Литера').fill('б');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('class-5Б').waitFor();

    await page.getByTestId('admin-assignments').click();
    await choose('class-select', '5Б');
    await page.getByRole('button', { name: 'Добавить нагрузку' }).click();
    await choose('assignment-subject', 'Математика');
    await choose('assignment-teacher', teacher.name);
    await page.getByLabel('Часов в неделю').fill('2');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('assignments-table').innerText()).toContain(teacher.name);
    await page.getByTestId('edit-save').waitFor({ state: 'detached' });
    await shot('timetable-assignments.png');

    await page.getByTestId('admin-timetable').click();
    await choose('class-select', '5Б');
    await expect.poll(() => page.getByTestId('timetable-date').inputValue()).toBe(today);
    // At a number when the teacher is in another class: the clash is named at once.
    await page.getByTestId(`cell-2-${busyAt}`).click();
    await page.getByTestId('cell-add').click();
    await page.getByTestId('cell-room-0').fill('31');
    await page.getByTestId('cell-done').click();
    await expect.poll(() => page.getByTestId('timetable-clashes').innerText()).toContain(`${teacher.name}: два урока одновременно (вторник, ${busyAt}-й урок`);
    await shot('timetable-clash.png');
    // Moved to a free number, and a second lesson on Thursday.
    await page.getByTestId(`cell-2-${busyAt}`).click();
    await page.getByRole('button', { name: 'Убрать урок' }).click();
    await page.getByTestId('cell-done').click();
    await page.getByTestId(`cell-2-${freeAt}`).click();
    await page.getByTestId('cell-add').click();
    await page.getByTestId('cell-room-0').fill('31');
    await page.getByTestId('cell-done').click();
    const thursdayFree = [1, 2, 3, 4, 5, 6, 7].find(
      (n) => q('select 1 from timetable t join assignments a on a.id = t.assignment_id where a.teacher_id = ? and t.weekday = 4 and t.lesson_number = ?', teacher.id, n).length === 0,
    )!;
    await page.getByTestId(`cell-4-${thursdayFree}`).click();
    await page.getByTestId('cell-add').click();
    await page.getByTestId('cell-done').click();
    await expect(page.getByTestId('timetable-clashes').count()).resolves.toBe(0);
    await expect.poll(() => page.getByTestId('timetable-hours').innerText()).toContain('Математика: 2 из 2');
    await page.getByTestId('timetable-save').click();
    await expect.poll(() => page.getByTestId('timetable-result').innerText()).toMatch(/С 24\.11\.2026: создано уроков — \d+, удалено пустых — 0/);
    await shot('timetable-saved.png');
    await page.getByTestId('result-close').click();
    await page.getByTestId('timetable-result').waitFor({ state: 'detached' });
    await shot('timetable-grid.png');

    const lessons = q<{ date: string; lesson_number: number; given_by_id: number }>(
      "select l.date, l.lesson_number, l.given_by_id from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id where c.grade = 5 and c.letter = 'Б' order by l.date",
    );
    expect(lessons[0]).toEqual({ date: today, lesson_number: freeAt, given_by_id: teacher.id });
    expect(lessons.some((l) => l.date >= '2026-12-29' && l.date <= '2027-01-08')).toBe(false); // winter holidays
    expect(lessons.every((l) => l.date >= today)).toBe(true);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await h.logIn('uchitel');
    await expect.poll(() => page.getByTestId('day-lessons').innerText()).toContain('5Б · Математика');
    await shot('timetable-my-day.png');
  });

  it('the deputy reads the timetable and the structure without edit buttons', async () => {
    const { page } = h;
    await h.logIn('zavuch');
    await page.getByTestId('nav-admin').click();
    await expect(page.getByTestId('admin-users').count()).resolves.toBe(0);
    await page.getByTestId('admin-timetable').click();
    await page.getByTestId('timetable-grid').waitFor();
    await expect(page.getByTestId('timetable-save').count()).resolves.toBe(0);
    await page.getByTestId('admin-curriculum').click();
    await expect.poll(() => page.getByTestId('curriculum-table').innerText()).toContain('Математика');
    await shot('structure-deputy-curriculum.png');
  });
});
