// «Учебный год» above the structure pages: a closed year's classes and assignments open read-only (a notice,
// no buttons), the choice holds from page to page, and the current year is editable again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

describe('the structure of another school year', () => {
  const h = browserHarness('2026-11-24');
  const dir = tempDir();
  const choose = async (testId: string, option: string) => {
    await h.page.getByTestId(testId).click();
    await h.page.getByRole('option', { name: option, exact: true }).click();
  };

  it('shows the closed 2025/2026 read-only and the current year editable', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    // Last year, closed by order, with its 9В and an assignment of it.
    const yearId = Number(
      sql
        .prepare(
          "insert into school_years (name, start_date, end_date, is_current) values ('2025/2026', '2025-09-01', '2026-05-31', 0)",
        )
        .run().lastInsertRowid,
    );
    const classId = Number(
      sql.prepare("insert into classes (year_id, grade, letter) values (?, 9, 'В')").run(yearId).lastInsertRowid,
    );
    const teacher = sql.prepare("select id from users where login = 'uchitel'").get() as { id: number };
    const subject = sql.prepare("select id from subjects where name = 'Алгебра'").get() as { id: number };
    sql
      .prepare(
        'insert into assignments (year_id, class_id, subject_id, teacher_id, hours_per_week) values (?, ?, ?, ?, 3)',
      )
      .run(yearId, classId, subject.id, teacher.id);
    sql
      .prepare('insert into settings (key, value) values (?, ?)')
      .run(
        `year.closed.${yearId}`,
        JSON.stringify({ closedAt: '2026-06-20T12:00:00', closedBy: 1, orderNumber: '77-о', orderDate: '2026-06-20' }),
      );

    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-classes').click();
    await expect.poll(() => page.getByTestId('structure-year').inputValue()).toMatch(/\(текущий\)$/);
    await page.getByRole('button', { name: 'Добавить класс' }).waitFor();
    await choose('structure-year', '2025/2026');
    await page.getByTestId('class-9В').waitFor();
    expect(await page.getByTestId('year-read-only').innerText()).toContain('2025/2026 учебный год закрыт');
    expect(await page.getByRole('button', { name: 'Добавить класс' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Изменить: 9В' }).count()).toBe(0);
    const shot = path.join(dir, 'structure-closed-year.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.ZHURNAL_SCREENSHOTS)
      fs.copyFileSync(shot, path.join(process.env.ZHURNAL_SCREENSHOTS, 'structure-closed-year.png'));

    // The choice holds on «Нагрузка»; «Предметы» belong to no year and stay editable.
    await page.getByTestId('admin-tab-assignments').click();
    expect(await page.getByTestId('structure-year').inputValue()).toBe('2025/2026');
    await expect.poll(() => page.getByTestId('assignments-table').innerText()).toMatch(/Алгебра[\s\S]*3/);
    expect(await page.getByRole('button', { name: 'Добавить нагрузку' }).count()).toBe(0);
    await page.getByTestId('admin-tab-subjects').click();
    await page.getByRole('button', { name: 'Добавить предмет' }).waitFor();
    await page.getByTestId('admin-tab-classes').click();
    expect(await page.getByTestId('structure-year').inputValue()).toBe('2025/2026');
    const current = (sql.prepare('select name from school_years where is_current = 1').get() as { name: string }).name;
    await choose('structure-year', `${current} (текущий)`);
    await page.getByRole('button', { name: 'Добавить класс' }).waitFor();
    expect(await page.getByTestId('year-read-only').count()).toBe(0);
  });
});
