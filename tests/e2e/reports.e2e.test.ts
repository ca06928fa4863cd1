// The Reports screen in Chromium over the demo school: what it shows is compared with what the core computes,
// and the XLSX it downloads is read back. Screenshots go to $ZHURNAL_SHOTS when set (for looking at them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { generateDemoSchool } from '../../src/core/demo';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { startHost, type StartedHost } from '../../src/host/start';
import type { ProgressData } from '../../src/shared/contract';

const today = '2026-11-24';
const shots = process.env.ZHURNAL_SHOTS;

describe('the Reports screen in the browser', () => {
  let dir: string;
  let core: Core;
  let host: StartedHost;
  let browser: Browser;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-e2e-reports-'));
    core = createCore({
      dbFile: path.join(dir, 'demo.db'),
      migrationsFolder: path.resolve('migrations'),
      clock: fixedClock(`${today}T10:00:00`),
      create: true,
    });
    generateDemoSchool(core.db, { tier: 'small', years: 1, today });
    host = await startHost({ dispatch: core.dispatch, rendererDir: path.resolve('out/renderer'), port: 0 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(login: string, viewport = { width: 1440, height: 1000 }): Promise<Page> {
    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
    await page.goto(`${host.url}#/reports`);
    await page.getByLabel('Логин').fill(login);
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('report-list').waitFor({ timeout: 15_000 });
    return page;
  }

  const snap = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };

  it('shows the deputy the school’s progress results as the core computes them, and downloads the same XLSX', async () => {
    const page = await open('zavuch');
    await page.getByTestId('report-table-0').waitFor({ timeout: 15_000 });
    await page.getByTestId('report-chart').first().waitFor();
    // The same report computed by the core directly, as the deputy.
    const deputy = {
      userId: (core.db.$client.prepare("select id from users where login = 'zavuch'").get() as { id: number }).id,
      login: 'zavuch',
      roles: ['deputy' as const],
      fullName: '',
      shortName: '',
    };
    const q1 = core.db.$client.prepare("select id from periods where scheme = 'quarters' and number = 1").get() as {
      id: number;
    };
    const expected = core.services.reports.run(deputy, 'progress', { periodId: q1.id, level: 'class' })
      .data as ProgressData;
    const shown = await page.getByTestId('report-table-0').locator('tbody tr').allInnerTexts();
    const fifth = expected.rows.find((r) => r.label === '5А')!;
    const line = shown
      .find((t) => t.startsWith('5А'))!
      .split('\t')
      .map((s) => s.trim());
    expect(line.slice(0, 5)).toEqual([
      '5А',
      String(fifth.students),
      String(fifth.assessed),
      String(fifth.unmarked),
      String(fifth.excellent),
    ]);
    expect(line[11]).toBe(fifth.successPct === null ? '' : fifth.successPct.toFixed(1).replace('.', ','));
    expect(shown).toHaveLength(expected.rows.length + 1);
    await snap(page, 'reports-progress');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const sheet = (await readWorkbook(fs.readFileSync(file)))[0]!;
    expect(sheet.rows.find((r) => r[0] === '5А')?.slice(0, 5)).toEqual([
      '5А',
      fifth.students,
      fifth.assessed,
      fifth.unmarked,
      fifth.excellent,
    ]);

    // Journal control: each journal's line leads to its page.
    await page.getByTestId('report-control').click();
    await expect.poll(() => page.getByTestId('report-subtitle').innerText()).toContain('вся школа');
    await page.getByTestId('report-table-0').locator('tbody tr a').first().waitFor();
    const href = await page.getByTestId('report-table-0').locator('tbody tr a').first().getAttribute('href');
    expect(href).toMatch(/^#\/journal\?assignment=\d+&period=\d+/);
    // Teachers' activity by week: its chart and its table.
    await page.getByTestId('report-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByText('Активность учителей по неделям').first().waitFor();
    await snap(page, 'reports-control');
    // The line opens the journal it is about.
    await page.getByTestId('report-table-0').locator('tbody tr a').first().click();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    // The link by id is rewritten to the journal's readable address (class/subject/period).
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#\/journal\/[^/?]+\/[^/?]+\/[qht]\d/);
    await page.goBack();

    // The forecast shows its accuracy measured on the school's history.
    await page.getByTestId('report-forecast').click();
    await page.getByTestId('forecast-accuracy').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('forecast-accuracy').innerText()).toMatch(
      /Совпадение с отметкой за период: \d+,\d %/,
    );
    await snap(page, 'reports-forecast');
    await page.context().close();
  });

  it('shows the class teacher the year’s attendance of their class with its chart', async () => {
    const page = await open('klruk');
    await page.getByTestId('report-attendanceYear').click();
    await page.getByTestId('report-table-0').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('report-subtitle').innerText()).toContain('5А класс');
    const classes = await page.getByTestId('param-class').inputValue();
    expect(classes).toBe('5А');
    await page.getByTestId('report-chart').locator('.recharts-bar-rectangle').first().waitFor();
    const rows = await page.getByTestId('report-table-0').locator('tbody tr').count();
    const enrolled = core.db.$client
      .prepare(
        `select count(distinct e.student_id) as n from class_enrollments e join classes c on c.id = e.class_id join users u on u.id = c.class_teacher_id join school_years y on y.id = c.year_id and y.is_current = 1 where u.login = 'klruk'`,
      )
      .get() as { n: number };
    expect(rows).toBe(enrolled.n + 1);
    await snap(page, 'reports-attendance-year');
    await page.getByTestId('report-attendanceMonth').click();
    await page.getByTestId('report-table-0').waitFor();
    await snap(page, 'reports-attendance-month');
    await page.getByTestId('report-summarySheet').click();
    await page.getByTestId('report-table-0').waitFor();
    await snap(page, 'reports-summary-sheet');
    for (const name of ['classTeacher', 'statement', 'movement', 'fill', 'outcomes']) {
      await page.getByTestId(`report-${name}`).click();
      await expect.poll(() => page.getByRole('heading', { level: 2 }).first().innerText()).not.toBe('');
      await page.getByTestId('report-table-0').waitFor({ timeout: 15_000 });
      await snap(page, `reports-${name}`);
    }
    expect(await page.getByTestId('report-subtitle').innerText()).toMatch(/учебный год/);
    await page.context().close();
  });

  it('shows the control report’s findings on a 1366×768 screen with every column in sight', async () => {
    // A lesson of last week in English, so the report has that finding too.
    core.db.$client
      .prepare(
        `update lessons set topic = 'Present Perfect' where id = (select l.id from lessons l
           where l.date between date(?, '-7 days') and date(?, '-1 day') and l.status = 'held' order by l.date, l.id limit 1)`,
      )
      .run(today, today);
    const page = await open('zavuch', { width: 1366, height: 768 });
    await page.getByTestId('report-control').click();
    await expect.poll(() => page.getByTestId('report-subtitle').innerText()).toContain('вся школа');
    const lines = page.getByTestId('report-table-4').locator('tbody tr');
    await lines.first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('report-table-4').innerText()).toContain('не на русском языке: «Present Perfect»');
    // No table hides columns past the right edge: each is as wide as the page gives it, or narrower.
    const widths = await page
      .locator('[data-testid^="report-table-"]')
      .evaluateAll((tables) =>
        tables.map((t) => [
          t.querySelector('h4')?.textContent ?? '',
          t.querySelector('table')!.scrollWidth,
          t.clientWidth,
        ]),
      );
    expect(widths.length).toBeGreaterThanOrEqual(6);
    await snap(page, 'reports-control-1366');
    expect(widths.filter(([, table, room]) => Number(table) > Number(room) + 1)).toEqual([]);
    await page.getByTestId('report-table-4').scrollIntoViewIfNeeded();
    await snap(page, 'reports-control-1366-lessons');
    await page.context().close();
  });
});
