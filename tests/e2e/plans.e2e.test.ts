// КТП in Chromium: the teacher loads a real .xlsx (written by exceljs here), sees the preview, saves the plan and
// puts its topics on the coming lessons; the database holds exactly that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

const today = '2026-11-24';

describe('the thematic plan in the browser', () => {
  const h = browserHarness(today);

  it('imports an XLSX plan with a preview, saves it and spreads its topics over the coming lessons', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    const a = sql
      .prepare(
        `select a.id, cu.hours_per_year as hours from assignments a join users u on u.id = a.teacher_id join classes c on c.id = a.class_id
         join subjects s on s.id = a.subject_id join curriculum cu on cu.year_id = a.year_id and cu.grade = c.grade and cu.subject_id = a.subject_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика'`,
      )
      .get() as { id: number; hours: number };
    sql
      .prepare(`update lessons set topic = null, plan_topic_id = null where assignment_id = ? and date > ?`)
      .run(a.id, today);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-ktp-')), 'КТП 5А.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('План');
    sheet.addRow(['№', 'Раздел', 'Тема урока', 'Часы', 'Домашнее задание']);
    sheet.addRow([1, 'Повторение', 'Повторение курса 4 класса', 3, 'Стр. 4, № 1–5']);
    sheet.addRow([2, 'Дроби', 'Обыкновенные дроби', a.hours - 5, 'п. 1, № 12, 14']);
    sheet.addRow([3, null, 'Итоговая контрольная работа', 2, null]);
    await book.xlsx.writeFile(file);

    await h.logIn('uchitel');
    await page.getByTestId('nav-journal').click();
    await page.getByTestId('plan-open').click();
    await page.getByTestId('plan-import-open').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('plan-preview').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('plan-preview').innerText()).toContain('п. 1, № 12, 14');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'plan-import-homework');
    expect(await page.getByTestId('hours-check').innerText()).toContain(
      `Запланировано ${a.hours} ч — столько же, сколько в учебном плане`,
    );
    await page.getByTestId('plan-save').click();
    await expect
      .poll(() => page.getByTestId('plan-totals').innerText())
      .toContain(`Тем: 3; запланировано ${a.hours} ч`);
    const topics = sql
      .prepare(
        'select t.title, t.hours, t.homework from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id = ? order by t.position',
      )
      .all(a.id);
    expect(topics).toEqual([
      { title: 'Повторение курса 4 класса', hours: 3, homework: 'Стр. 4, № 1–5' },
      { title: 'Обыкновенные дроби', hours: a.hours - 5, homework: 'п. 1, № 12, 14' },
      { title: 'Итоговая контрольная работа', hours: 2, homework: null },
    ]);

    await page.getByTestId('plan-from').fill('2026-11-25');
    await page.getByTestId('plan-assign').click();
    await expect
      .poll(() => page.getByTestId('plan-assign-result').innerText())
      .toMatch(/Темы поставлены на \d+ уроков/);
    const shown = Number(/на (\d+) уроков/.exec(await page.getByTestId('plan-assign-result').innerText())?.[1]);
    const set = sql
      .prepare('select count(*) as n from lessons where assignment_id = ? and date > ? and plan_topic_id is not null')
      .get(a.id, today) as { n: number };
    expect(shown).toBe(set.n);
    expect(set.n).toBeGreaterThan(0);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('lets the teacher correct the plan by hand: rename, move, add a topic, with the hours checked as they type', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    const assignmentId = (
      sql
        .prepare(
          `select a.id from assignments a join users u on u.id = a.teacher_id join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
       where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика'`,
        )
        .get() as { id: number }
    ).id;
    const topics = () =>
      sql
        .prepare(
          'select t.title, t.hours, t.homework from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id = ? order by t.position',
        )
        .all(assignmentId) as { title: string; hours: number; homework: string | null }[];
    const before = topics();
    await h.logIn('uchitel');
    await page.getByTestId('nav-journal').click();
    await page.getByTestId('plan-open').click();
    await page.getByTestId('plan-edit-open').click();
    const editor = page.getByTestId('plan-editor');
    await editor.getByLabel('Тема 2', { exact: true }).fill('Обыкновенные и десятичные дроби');
    await editor.getByRole('button', { name: 'Ниже' }).first().click();
    await page.getByTestId('plan-add-row').click();
    await editor.getByLabel(`Тема ${before.length + 1}`, { exact: true }).fill('Резерв');
    await editor.getByLabel(`Часов на тему ${before.length + 1}`, { exact: true }).fill('2');
    await editor.getByLabel(`Домашнее задание к теме ${before.length + 1}`, { exact: true }).fill('Повторить п. 1–5');
    await expect.poll(() => editor.getByTestId('hours-check').innerText()).toContain('на 2 ч больше');
    await page.getByTestId('plan-editor-save').click();
    await expect.poll(() => page.getByTestId('plan-totals').innerText()).toContain(`Тем: ${before.length + 1}`);
    expect(topics()).toEqual([
      { title: 'Обыкновенные и десятичные дроби', hours: before[1]!.hours, homework: before[1]!.homework },
      before[0],
      ...before.slice(2),
      { title: 'Резерв', hours: 2, homework: 'Повторить п. 1–5' },
    ]);
  });
});
