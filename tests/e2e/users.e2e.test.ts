import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

describe('accounts in Chromium', () => {
  const h = browserHarness('2026-11-24');
  const shot = (name: string) => screenshot(h.page, name, { fullPage: true });
  const typeLogin = async (login: string, password: string) => {
    await h.page.getByLabel('Логин').fill(login);
    await h.page.getByLabel('Пароль').fill(password);
    await h.page.getByRole('button', { name: 'Войти' }).click();
  };
  const logOut = async () => {
    await h.page.getByRole('button', { name: 'Выйти' }).click();
    await h.page.getByRole('button', { name: 'Войти' }).waitFor();
  };

  it('the admin creates a teacher who changes the one-time password, works, gets locked by guessing, and is unlocked', async () => {
    const { page } = h;
    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('user-create').click();
    await page.getByLabel('Фамилия').fill('Новикова');
    await page.getByLabel('Имя').fill('Ольга');
    await page.getByLabel('Логин (латиницей)').fill('novikova');
    await page.getByTestId('user-create-submit').click();
    const oneTime = (await page.getByTestId('one-time-password').innerText()).trim();
    expect(oneTime).toMatch(/^[a-z0-9]{10}$/);
    await shot('users-one-time-password.png');
    await page.getByRole('button', { name: 'Пароль передан, закрыть' }).click();
    await expect.poll(() => page.getByTestId('user-novikova').innerText()).toMatch(/временный пароль/i);
    await logOut();

    // The one-time password opens only the change screen; a weak new password is refused with the reason.
    await typeLogin('novikova', oneTime);
    await page.getByLabel('Временный пароль').fill(oneTime);
    await page.getByLabel('Новый пароль', { exact: true }).fill('novikova');
    await page.getByLabel('Новый пароль ещё раз').fill('novikova');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect
      .poll(() => page.getByTestId('change-password-error').innerText())
      .toMatch(/не должен совпадать с логином/);
    await shot('users-change-password.png');
    await page.getByLabel('Новый пароль', { exact: true }).fill('Осень2026');
    await page.getByLabel('Новый пароль ещё раз').fill('Осень2026');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.getByTestId('nav-day').waitFor();
    await page.getByTestId('nav-journal').click();
    await logOut();

    for (let i = 0; i < 5; i++) {
      await typeLogin('novikova', `guess${i}`);
      await expect.poll(() => page.getByTestId('login-error').innerText()).toMatch(/Неверный логин или пароль/);
    }
    await typeLogin('novikova', 'Осень2026');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toMatch(/заблокирован до 10:15/);

    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    const row = page.getByTestId('user-novikova');
    await expect.poll(() => row.innerText()).toMatch(/заблокирован до 10:15/i);
    await shot('users-locked.png');
    await row.getByRole('button', { name: 'Разблокировать' }).click();
    await expect.poll(() => row.innerText()).toMatch(/активен/i);
    await logOut();
    await h.logIn('novikova', 'Осень2026');

    const actions = (
      h.core.db.$client
        .prepare("select action from audit_log where action like 'users.%' or action like 'auth.%'")
        .all() as { action: string }[]
    ).map((a) => a.action);
    for (const a of ['users.create', 'users.unlock', 'auth.password_changed', 'auth.login', 'auth.login_failed'])
      expect(actions).toContain(a);
  });
});
