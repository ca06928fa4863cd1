// The renderer end to end: the built UI (out/renderer) served by the host shell over a demo school, driven in
// system Chromium. What the grid shows is compared with what the database holds.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';

const today = '2026-11-24';

interface CellRow {
  studentId: number;
  lessonId: number;
  value1: string | null;
  value2: string | null;
  code: string | null;
}

describe('the journal in the browser', () => {
  const h = browserHarness(today);

  /** Fills the login form without waiting for the program: a refused login stays on the form. */
  async function logIn(login: string, password = 'demo') {
    await h.page.getByLabel('Логин').fill(login);
    await h.page.getByLabel('Пароль').fill(password);
    await h.page.getByRole('button', { name: 'Войти' }).click();
  }

  const navLabels = async () =>
    (await h.page.getByTestId('navigation').locator('[data-testid^="nav-"]').allInnerTexts()).map((s) => s.trim());

  /** Every non-empty cell of the grid on screen: data-testid → text. */
  const shownCells = () =>
    h.page.getByTestId('journal-grid').evaluate((table) => {
      const out: Record<string, string> = {};
      for (const td of table.querySelectorAll<HTMLElement>('td[data-testid^="cell-"]')) {
        const text = (td.textContent ?? '').trim();
        if (text) out[td.dataset.testid ?? ''] = text;
      }
      return out;
    });

  function findJournal() {
    const sql = h.core.db.$client;
    const assignment = sql
      .prepare(
        `select a.id, a.subject_id as subjectId, c.grade from assignments a
           join users u on u.id = a.teacher_id join classes c on c.id = a.class_id
           join subjects s on s.id = a.subject_id join school_years y on y.id = a.year_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and y.is_current = 1 and a.subgroup_id is null`,
      )
      .get() as { id: number; subjectId: number; grade: number } | undefined;
    if (!assignment) throw new Error('the demo has no 5А Математика of uchitel');
    const period = sql
      .prepare(
        `select p.id, p.name, p.start_date as startDate, p.end_date as endDate from periods p
           join grade_period_schemes g on g.year_id = p.year_id and g.scheme = p.scheme
           join assignments a on a.year_id = p.year_id
         where a.id = ? and g.grade = ? and p.start_date <= ? and p.end_date >= ?`,
      )
      .get(assignment.id, assignment.grade, today, today) as
      { id: number; name: string; startDate: string; endDate: string } | undefined;
    if (!period) throw new Error(`no period contains ${today}`);
    return { assignment, period };
  }

  /** Marks and absences of one journal over a period, straight from SQLite: one row per (student, lesson). */
  function cellsInDb(assignmentId: number, from: string, to: string): CellRow[] {
    return h.core.db.$client
      .prepare(
        `select x.student_id as studentId, x.lesson_id as lessonId, m.value1, m.value2, ab.code from
           (select student_id, lesson_id from marks union select student_id, lesson_id from absences) x
           join lessons l on l.id = x.lesson_id
           left join marks m on m.lesson_id = x.lesson_id and m.student_id = x.student_id
           left join absences ab on ab.lesson_id = x.lesson_id and ab.student_id = x.student_id
         where l.assignment_id = ? and l.date between ? and ?`,
      )
      .all(assignmentId, from, to) as CellRow[];
  }

  const fmt = (iso: string) => iso.split('-').reverse().join('.');

  it('refuses a wrong password in Russian and stays on the login screen', async () => {
    const setting = h.core.db.$client.prepare(`select value from settings where key = 'school.name'`).get() as {
      value: string;
    };
    await h.page.getByTestId('school-name').waitFor({ timeout: 15_000 });
    expect(await h.page.getByTestId('school-name').innerText()).toBe(JSON.parse(setting.value));
    await logIn('uchitel', 'не-тот-пароль');
    const error = h.page.getByTestId('login-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.innerText()).toContain('Неверный логин или пароль');
    expect(await h.page.getByRole('heading', { name: 'Вход в Журнал' }).isVisible()).toBe(true);
    expect(await h.page.getByTestId('navigation').count()).toBe(0);
  });

  it('shows the marks and absences of 5А Математика exactly as the database holds them', async () => {
    const { assignment, period } = findJournal();
    await logIn('uchitel');
    await h.page.getByTestId('nav-journal').click();
    const select = h.page.getByTestId('assignment-select');
    await select.waitFor({ timeout: 15_000 });
    await select.click();
    await select.fill('5А Математика');
    await h.page.getByRole('option', { name: '5А · Математика', exact: true }).click();
    await expect
      .poll(() => h.page.getByTestId('period-dates').innerText())
      .toContain(`${fmt(period.startDate)} — ${fmt(period.endDate)}`);
    await h.page.getByTestId('journal-grid').waitFor();

    const rows = cellsInDb(assignment.id, period.startDate, period.endDate);
    expect(rows.filter((r) => r.value1 !== null).length).toBeGreaterThan(20);
    expect(rows.some((r) => r.code !== null)).toBe(true);
    // The cell shows the absence code, then the mark: «5», «5/4», «н», «оп5».
    const expected = Object.fromEntries(
      rows.map((r) => [
        `cell-${r.studentId}-${r.lessonId}`,
        `${r.code ?? ''}${r.value1 === null ? '' : r.value2 ? `${r.value1}/${r.value2}` : r.value1}`,
      ]),
    );
    const shown = await shownCells();
    expect(Object.keys(shown).length).toBe(rows.length);
    expect(shown).toEqual(expected);
  });

  it('shows the period marks of a closed period as the database holds them', async () => {
    const { assignment, period } = findJournal();
    const first = h.core.db.$client
      .prepare(
        'select id, name from periods where year_id = (select year_id from periods where id = ?) and scheme = (select scheme from periods where id = ?) and number = 1',
      )
      .get(period.id, period.id) as { id: number; name: string };
    const marks = h.core.db.$client
      .prepare(
        `select pm.student_id as studentId, pm.value from period_marks pm
         where pm.kind = 'period' and pm.period_id = ? and pm.subject_id = ?
           and pm.student_id in (select e.student_id from class_enrollments e join assignments a on a.class_id = e.class_id where a.id = ?)`,
      )
      .all(first.id, assignment.subjectId, assignment.id) as { studentId: number; value: string }[];
    expect(marks.length).toBeGreaterThan(0);
    await logIn('uchitel');
    await h.page.getByTestId('nav-journal').click();
    await h.page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    await h.page.getByTestId('period-select').getByText(first.name, { exact: true }).click();
    await expect.poll(() => h.page.getByTestId('period-dates').innerText()).toContain(first.name);
    await h.page
      .getByTestId(`period-mark-${marks[0]?.studentId}`)
      .getByText(marks[0]?.value ?? '', { exact: true })
      .waitFor();
    const shown = await h.page
      .getByTestId('journal-grid')
      .evaluate((table) =>
        Object.fromEntries(
          [...table.querySelectorAll<HTMLElement>('td[data-testid^="period-mark-"]')]
            .filter((td) => td.textContent)
            .map((td) => [td.dataset.testid, td.textContent]),
        ),
      );
    expect(shown).toEqual(Object.fromEntries(marks.map((m) => [`period-mark-${m.studentId}`, m.value])));
  });

  it('shows Администрирование to the admin and not to a teacher', async () => {
    await logIn('uchitel');
    await h.page.getByTestId('navigation').waitFor({ timeout: 15_000 });
    const teacher = await navLabels();
    expect(teacher).toContain('Журнал');
    expect(teacher).not.toContain('Администрирование');
    expect(teacher).not.toContain('Резервные копии');

    await h.page.getByRole('button', { name: 'Выйти' }).click();
    await h.page.getByRole('heading', { name: 'Вход в Журнал' }).waitFor();
    await logIn('admin');
    await h.page.getByTestId('navigation').waitFor({ timeout: 15_000 });
    expect(await navLabels()).toEqual([
      'Журнал',
      'Посещаемость',
      'Ученики',
      'Замены',
      'Закрытие периодов',
      'Закрытие года',
      'Отчёты',
      'Движение учащихся',
      'Загрузка списков',
      'Печать',
      'Сроки хранения',
      'Резервные копии',
      'Администрирование',
      'Журнал действий',
      'Справка',
    ]);
    await h.page.getByTestId('nav-admin').click();
    await h.page.getByTestId('users-table').waitFor();
    expect(h.page.url()).toMatch(/#\/admin$/);
  });

  it('answers a wrong entry beside its cell, lets the next key replace it, and reads the Latin layout', async () => {
    const { assignment } = findJournal();
    const sql = h.core.db.$client;
    const { lessonId } = sql
      .prepare('select id as lessonId from lessons where assignment_id = ? and date <= ? order by date desc limit 1')
      .get(assignment.id, today) as { lessonId: number };
    const stored = (studentId: number) => ({
      mark: (
        sql.prepare('select value1 from marks where lesson_id = ? and student_id = ?').get(lessonId, studentId) as
          { value1: string } | undefined
      )?.value1,
      code: (
        sql.prepare('select code from absences where lesson_id = ? and student_id = ?').get(lessonId, studentId) as
          { code: string } | undefined
      )?.code,
    });
    await h.page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('uchitel');
    await h.page.goto(`${h.page.url().split('#')[0]}#/journal?assignment=${assignment.id}&lesson=${lessonId}`);
    await h.page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    const cells = h.page.locator(`td[data-testid^="cell-"][data-testid$="-${lessonId}"]`);
    const idOf = async (i: number) => Number((await cells.nth(i).getAttribute('data-testid'))!.split('-')[1]);
    const [first, second] = [await idOf(0), await idOf(1)];
    for (const id of [first, second]) {
      sql.prepare('delete from marks where lesson_id = ? and student_id = ?').run(lessonId, id);
      sql.prepare('delete from absences where lesson_id = ? and student_id = ?').run(lessonId, id);
    }
    await h.page.reload();
    await h.page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });

    await cells.nth(0).click();
    await h.page.getByTestId('grid-scroll').focus();
    const keys = h.page.keyboard;
    await keys.press('7');
    await keys.press('Enter');
    const error = h.page.getByTestId('cell-error');
    await expect.poll(() => error.innerText()).toContain('«7» — не отметка');
    expect(await h.page.getByTestId('error-alert').count()).toBe(0);
    expect(await cells.nth(0).innerText()).toBe('7');
    const [box, tip] = [await cells.nth(0).boundingBox(), await error.boundingBox()];
    expect(tip!.y).toBeGreaterThanOrEqual(box!.y + box!.height - 1);
    await h.page.screenshot({ path: 'test-results/grid-cell-error.png' });

    // The next key starts over instead of making «75»; Enter saves it and moves down.
    await keys.press('5');
    expect(await error.count()).toBe(0);
    expect(await cells.nth(0).innerText()).toBe('5');
    await keys.press('Enter');
    await expect.poll(() => stored(first).mark).toBe('5');

    // «y» on the Latin layout is «н»; «q» is not understood, and Escape brings back what is saved.
    await keys.press('y');
    await keys.press('Enter');
    await expect.poll(() => stored(second).code).toBe('н');
    await keys.press('ArrowUp');
    await keys.press('q');
    await keys.press('Enter');
    await expect.poll(() => error.innerText()).toContain('«q» — не отметка');
    await keys.press('Escape');
    expect(await error.count()).toBe(0);
    expect(await cells.nth(1).innerText()).toBe('н');
  });

  it('refuses a mark on a lesson still ahead beside its cell, saving nothing', async () => {
    const { assignment } = findJournal();
    const sql = h.core.db.$client;
    const ahead = sql
      .prepare('select id from lessons where assignment_id = ? and date > ? order by date limit 1')
      .get(assignment.id, today) as { id: number } | undefined;
    if (!ahead) throw new Error('the demo has no lesson of 5А Математика after today');
    await h.page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('uchitel');
    await h.page.goto(`${h.page.url().split('#')[0]}#/journal?assignment=${assignment.id}&lesson=${ahead.id}`);
    await h.page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    // The lesson panel opens with its topic's КТП suggestions over the first rows: a row below them.
    const cell = h.page.locator(`td[data-testid^="cell-"][data-testid$="-${ahead.id}"]`).nth(6);
    await h.page.keyboard.press('Escape');
    await cell.click({ timeout: 10_000 });
    await h.page.getByTestId('grid-scroll').focus();
    await h.page.keyboard.press('5');
    await h.page.keyboard.press('Enter');
    await expect
      .poll(() => h.page.getByTestId('cell-error').innerText({ timeout: 10_000 }))
      .toContain('Урок ещё не прошёл: поставить отметку нельзя');
    expect(await h.page.getByTestId('error-alert').count()).toBe(0);
    await h.page.screenshot({ path: 'test-results/grid-lesson-ahead.png' });
    const saved = sql.prepare('select count(*) as n from marks where lesson_id = ?').get(ahead.id) as { n: number };
    expect(saved.n).toBe(0);
  });
});
