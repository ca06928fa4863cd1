// The admin brings a new class into the demo school through Администрирование — the class, its teacher's
// assignment, its timetable (a clash with the teacher's other class shown first) — the lessons are generated,
// and the teacher sees the new lesson in «Мой день». The deputy reads the same pages without changing them.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

describe('timetable in Chromium', () => {
  const today = '2026-11-24'; // a Tuesday
  const h = browserHarness(today);
  const shot = (name: string) => screenshot(h.page, name, { fullPage: true });
  const q = <T>(sql: string, ...args: unknown[]) => h.core.db.$client.prepare(sql).all(...args) as T[];
  const choose = async (testId: string, option: string) => {
    await h.page.getByTestId(testId).click();
    await h.page.getByRole('option', { name: option, exact: true }).click();
  };

  it('the admin builds 5Б: class, assignment, timetable; lessons appear in the teacher’s day', async () => {
    const { page } = h;
    const teacher = q<{ id: number; name: string }>(
      "select id, last_name || ' ' || substr(first_name, 1, 1) || '. ' || substr(middle_name, 1, 1) || '.' as name from users where login = 'uchitel'",
    )[0]!;
    // uchitel's Tuesday in the demo's timetable: one number they teach at, one they are free.
    const busy = q<{ n: number }>(
      'select t.lesson_number as n from timetable t join assignments a on a.id = t.assignment_id where a.teacher_id = ? and t.weekday = 2 order by n',
      teacher.id,
    ).map((r) => r.n);
    const busyAt = busy[0]!;
    const freeAt = [1, 2, 3, 4, 5, 6, 7].find((n) => !busy.includes(n))!;
    expect(freeAt).toBeDefined();

    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-classes').click();
    await page.getByRole('button', { name: 'Добавить класс' }).click();
    await page.getByLabel('Параллель').fill('5');
    await page.getByLabel('Литера').fill('б');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('class-5Б').waitFor();

    await page.getByTestId('admin-tab-assignments').click();
    await choose('class-select', '5Б');
    await page.getByRole('button', { name: 'Добавить нагрузку' }).click();
    await choose('assignment-subject', 'Математика');
    await choose('assignment-teacher', teacher.name);
    await page.getByLabel('Часов в неделю').fill('2');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('assignments-table').innerText()).toContain(teacher.name);
    await page.getByTestId('edit-save').waitFor({ state: 'detached' });
    await shot('timetable-assignments.png');

    await page.getByTestId('admin-tab-timetable').click();
    await choose('class-select', '5Б');
    await expect.poll(() => page.getByTestId('timetable-date').inputValue()).toBe('24.11.2026');
    // At a number when the teacher is in another class: the clash is named at once.
    await page.getByTestId(`cell-2-${busyAt}`).click();
    await page.getByTestId('cell-add').click();
    await page.getByTestId('cell-room-0').fill('31');
    await page.getByTestId('cell-done').click();
    await expect
      .poll(() => page.getByTestId('timetable-clashes').innerText())
      .toContain(`${teacher.name}: два урока одновременно (вторник, ${busyAt}-й урок`);
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
      (n) =>
        q(
          'select 1 from timetable t join assignments a on a.id = t.assignment_id where a.teacher_id = ? and t.weekday = 4 and t.lesson_number = ?',
          teacher.id,
          n,
        ).length === 0,
    )!;
    await page.getByTestId(`cell-4-${thursdayFree}`).click();
    await page.getByTestId('cell-add').click();
    await page.getByTestId('cell-done').click();
    await expect(page.getByTestId('timetable-clashes').count()).resolves.toBe(0);
    await expect.poll(() => page.getByTestId('timetable-hours').innerText()).toContain('Математика: 2 из 2');
    await page.getByTestId('timetable-save').click();
    await expect
      .poll(() => page.getByTestId('timetable-result').innerText())
      .toMatch(/С 24\.11\.2026: создано уроков — \d+, удалено пустых — 0/);
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
    await expect(page.getByTestId('admin-tab-users').count()).resolves.toBe(0);
    await page.getByTestId('admin-tab-timetable').click();
    await page.getByTestId('timetable-grid').waitFor();
    await expect(page.getByTestId('timetable-save').count()).resolves.toBe(0);
    await page.getByTestId('admin-tab-curriculum').click();
    await expect.poll(() => page.getByTestId('curriculum-table').innerText()).toContain('Математика');
    await shot('structure-deputy-curriculum.png');
  });

  it('a change of 5А from today keeps the future lesson that already has homework, and lists it', async () => {
    const { page } = h;
    const monday = '2026-11-30';
    const target = q<{ id: number; subject: string }>(
      `select l.id, s.name as subject from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id
       join subjects s on s.id = a.subject_id join school_years y on y.id = c.year_id and y.is_current = 1
       where c.grade = 5 and c.letter = 'А' and l.date = ? and l.lesson_number = 1`,
      monday,
    );
    expect(target.length).toBeGreaterThan(0);
    h.core.db.$client.prepare("update lessons set homework = 'Повторить правило' where id = ?").run(target[0]!.id);
    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-timetable').click();
    await choose('class-select', '5А');
    await page.getByTestId('cell-1-1').click();
    for (let i = 0; i < target.length; i++) await page.getByRole('button', { name: 'Убрать урок' }).first().click();
    await page.getByTestId('cell-done').click();
    await page.getByTestId('timetable-save').click();
    const kept = page.getByTestId('kept-lessons');
    await expect.poll(() => kept.innerText()).toContain('30.11.2026');
    expect(await kept.innerText()).toContain(`5А, ${target[0]!.subject}`);
    expect(await kept.innerText()).toContain('домашнее задание');
    await shot('timetable-kept.png');
    expect(q('select id from lessons where id = ?', target[0]!.id)).toHaveLength(1);
  });

  it('the admin sees a refusal in Russian when deleting a subject the journals use, and saves the rules', async () => {
    const { page } = h;
    page.on('dialog', (d) => void d.accept());
    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-subjects').click();
    await page.getByRole('button', { name: 'Удалить: Математика' }).click();
    await expect
      .poll(() => page.getByTestId('structure-error').innerText())
      .toContain('удалить его нельзя, можно переименовать');
    await shot('structure-subjects.png');
    await page.getByTestId('admin-tab-subgroups').click();
    await choose('class-select', '5А');
    await page.getByRole('button', { name: 'Состав' }).first().click();
    await page.getByRole('checkbox').first().waitFor();
    await shot('structure-subgroup-members.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('admin-tab-work-kinds').click();
    await page.getByTestId('work-kinds-table').waitFor();
    // The school gives dictations their own marking limit; the control report checks it.
    await page.getByRole('button', { name: 'Изменить: Диктант', exact: true }).click();
    await page.getByLabel('Срок проверки, дней').fill('3');
    await page.getByTestId('edit-save').click();
    await expect
      .poll(() => page.getByTestId('work-kinds-table').locator('tr', { hasText: 'Диктант' }).innerText())
      .toContain('3 дн.');
    expect(q<{ days: number }>("select marking_days as days from work_kinds where name = 'Диктант'")[0]!.days).toBe(3);
    await shot('structure-work-kinds.png');
    await page.getByTestId('admin-tab-rules').click();
    await page.getByLabel('Отметки за контрольную — в течение, дней').fill('3');
    await page.getByRole('button', { name: 'Сохранить правила' }).click();
    await page.getByTestId('rules-saved').waitFor();
    await shot('structure-rules.png');
    expect(q<{ value: string }>("select value from settings where key = 'journal.controlMarksDays'")[0]!.value).toBe(
      '3',
    );
  });
});
