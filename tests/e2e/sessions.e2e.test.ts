// Sessions on a shared staffroom computer, in Chromium: the idle lock clears the screen and takes only the same
// user's password, «Сменить пользователя» starts over, a locked account opens again after the set time, and a
// teacher cannot write in another teacher's journal; the deputy reads all of it, the refused attempt included,
// in «Журнал действий». The school's clock and the browser's move together.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPasswordSync } from '../../src/core/auth/password';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

describe('sessions on a shared computer', () => {
  const h = browserHarness('2026-11-24');
  const shot = (name: string) => screenshot(h.page, name, { fullPage: true });
  const sql = () => h.core.db.$client;
  const actions = (since: number) =>
    sql().prepare('select action, reason, new_value as v from audit_log where id > ? order by id').all(since) as {
      action: string;
      reason: string | null;
      v: string | null;
    }[];
  const lastAuditId = () =>
    (sql().prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
  const api = (channel: string, input: unknown) =>
    h.page.evaluate(
      async ([c, i]) =>
        (
          await fetch(`/api/${c}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(i),
          })
        ).json(),
      [channel, input] as const,
    );

  it("an idle session locks and clears the screen; another user's password does not open it, the same one does", async () => {
    const { page } = h;
    // The class teacher has a password of her own here, so that «another user's password» is a real one.
    sql().prepare('update users set password_hash = ? where login = ?').run(hashPasswordSync('Класс2026к'), 'klruk');

    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-security').click();
    const idle = page.getByLabel('Блокировка при бездействии, мин');
    await expect.poll(() => idle.inputValue()).toBe('10');
    await idle.fill('1');
    await page.getByTestId('security-save').click();
    await page.getByText('Сохранено').waitFor();
    await shot('sessions-security-settings.png');
    await page.getByRole('button', { name: 'Выйти' }).click();

    await h.logIn('uchitel');
    await page.getByTestId('nav-journal').click();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    const rowText = await page.locator('[data-testid^="row-"]').first().innerText();
    const student = rowText.split(/\s+/).find((w) => /^[А-ЯЁ][а-яё]{3,}$/.test(w)) ?? '';
    expect(student.length).toBeGreaterThan(3); // a surname on screen
    const before = lastAuditId();

    // Still there after the renderer's once-a-second checks ran a few times at the same minute (the page's
    // timers are Playwright's: runFor fires them without waiting)…
    await page.clock.runFor(3500);
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    // …then two minutes without the mouse or the keyboard.
    await h.setTime('10:02');
    await page.getByTestId('lock-screen').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('lock-user').innerText()).toMatch(/Учитель|[А-Я]/);
    const html = await page.content();
    expect(html).not.toContain(student);
    expect(await page.getByTestId('navigation').count()).toBe(0);
    await shot('sessions-locked.png');
    // The server holds the lock too: a call with the session's cookie, bypassing the screen, is refused.
    expect(await api('journal:assignments', {})).toMatchObject({
      ok: false,
      error: {
        kind: 'unauthorized',
        details: { sessionLocked: true },
        message: expect.stringMatching(/Сеанс заблокирован/),
      },
    });

    await page.getByLabel('Пароль').fill('Класс2026к');
    await page.getByRole('button', { name: 'Разблокировать' }).click();
    await expect
      .poll(() => page.getByTestId('unlock-error').innerText())
      .toMatch(/Неверный пароль.*Сменить пользователя/s);
    await shot('sessions-unlock-refused.png');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Разблокировать' }).click();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    expect(await page.getByText(student).count()).toBeGreaterThan(0);

    const logged = actions(before);
    expect(logged.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.session_locked', 'auth.unlock_failed', 'auth.session_unlocked']),
    );
    expect(JSON.parse(logged.find((a) => a.action === 'auth.session_locked')!.v!)).toEqual({
      cause: 'idle',
      computer: '127.0.0.1',
    });
  });

  it('«Заблокировать» and «Сменить пользователя»: the next teacher starts from the login screen', async () => {
    const { page } = h;
    await h.logIn('uchitel');
    await page.getByTestId('nav-journal').click();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    const teacher = await page.getByTestId('user-name').innerText();
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await page.getByTestId('lock-screen').waitFor();
    await page.getByRole('button', { name: 'Сменить пользователя' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(await api('journal:assignments', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    await h.logIn('klruk', 'Класс2026к');
    expect(await page.getByTestId('user-name').innerText()).not.toBe(teacher);
    expect(await page.getByTestId('nav-attendance').count()).toBe(1); // the class teacher's sections, not the last user's
  });

  it('a guessed-at account opens again by itself after the set time', async () => {
    const { page } = h;
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Логин').fill('teacher01');
      await page.getByLabel('Пароль').fill(`guess${i}`);
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect.poll(() => page.getByTestId('login-error').innerText()).toMatch(/Неверный логин или пароль/);
    }
    await page.getByLabel('Логин').fill('teacher01');
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toMatch(/заблокирован до 10:15/);
    await shot('sessions-account-locked.png');
    await h.setTime('10:16');
    await h.logIn('teacher01');
  });

  it("a teacher cannot write in another teacher's journal, neither from the screen nor past it", async () => {
    const { page } = h;
    const foreign = sql()
      .prepare(
        `select l.id as lessonId, a.id as assignmentId, ce.student_id as studentId from lessons l join assignments a on a.id = l.assignment_id
         join users u on u.id = a.teacher_id join class_enrollments ce on ce.class_id = a.class_id
         where u.login = 'teacher01' and l.date <= '2026-11-24' and a.subgroup_id is null order by l.date desc limit 1`,
      )
      .get() as { lessonId: number; assignmentId: number; studentId: number };
    await h.logIn('uchitel');
    await page.goto(
      `${page.url().split('#')[0]}#/journal?assignment=${foreign.assignmentId}&lesson=${foreign.lessonId}`,
    );
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    // The link falls back to her own journal: another's is not even listed.
    expect(await page.getByTestId(`cell-${foreign.studentId}-${foreign.lessonId}`).count()).toBe(0);
    const marksBefore = sql().prepare('select count(*) as n from marks where lesson_id = ?').get(foreign.lessonId);
    expect(
      await api('journal:setMark', { lessonId: foreign.lessonId, studentId: foreign.studentId, value1: '5' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Этот урок ведёт другой учитель: изменить его записи нельзя' },
    });
    expect(sql().prepare('select count(*) as n from marks where lesson_id = ?').get(foreign.lessonId)).toEqual(
      marksBefore,
    );
  });

  it('the deputy reads all of it in «Журнал действий», filtered by kind and user, and exports the view to Excel', async () => {
    const { page } = h;
    await h.logIn('zavuch');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor({ timeout: 15_000 });
    const shownActions = () =>
      page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action));
    const choose = async (label: string, option: string) => {
      await page.getByRole('textbox', { name: label, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };

    await choose('Что', 'Входы и сеансы');
    await expect
      .poll(shownActions)
      .toEqual(
        expect.arrayContaining([
          'auth.session_locked',
          'auth.unlock_failed',
          'auth.session_unlocked',
          'auth.login_failed',
          'auth.login',
        ]),
      );
    expect(new Set(await shownActions()).size).toBeLessThanOrEqual(7);
    // teacher01's guessing: the wrong passwords, the lock they caused, and the right one refused while it held.
    const logins = await page.getByTestId('audit-table').innerText();
    for (const reason of ['неверный пароль', 'вход заблокирован для этого места', 'вход был заблокирован'])
      expect(logins).toContain(reason);
    await shot('audit-logins.png');

    await choose('Что', 'Пользователи и роли');
    await expect.poll(shownActions).toContain('settings.security');
    const shownRows = await page.getByTestId('audit-row').count();
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await (await download).path();
    const [sheet] = await readWorkbook(fs.readFileSync(file));
    const header = sheet!.rows.findIndex((r) => r[0] === 'Когда');
    expect(sheet!.rows.length - header - 1).toBe(shownRows);
    expect(sheet!.rows.slice(header + 1).map((r) => r[2])).toContain('Настройки безопасности изменены');
    await expect.poll(() => page.getByTestId('audit-exported').innerText()).toMatch(/Выгружено записей: \d+/);
    await shot('audit-users.png');
    // The refused write left nothing: the teacher has no mark entries at all today.
    await choose('Что', 'Отметки');
    await choose('Пользователь', 'Петрова Юлия Романовна (uchitel)');
    await page.getByText('По этому фильтру записей нет.').waitFor();
    // …but the attempt itself is there, with the refusal she got.
    await choose('Что', 'Отказы в доступе');
    await expect.poll(shownActions).toContain('access.refused');
    const refused = await page.getByTestId('audit-table').innerText();
    expect(refused).toContain('Этот урок ведёт другой учитель');
    // What she tried, in words (the same as the Excel export's, shared/audit-values.ts), not the stored ids.
    expect(refused).toContain('— → попытка: вести журнал (journal:setMark)');
    expect(refused).not.toContain('"channel"');
    await shot('audit-refused.png');
    // Every entry of this session, the refusals included, is sealed onto the one before.
    await page.getByTestId('audit-chain').click();
    const verdict = page.getByTestId('audit-chain-verdict');
    await verdict.waitFor({ timeout: 15_000 });
    expect(await verdict.getAttribute('data-whole')).toBe('true');
    expect(await verdict.innerText()).toMatch(/Журнал действий цел: проверено записей — \d+, цепочка не нарушена/);
    await shot('audit-chain.png');
  });
});
