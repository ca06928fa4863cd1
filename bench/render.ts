// The journal grid in Chromium: from opening a journal's link to the grid drawn with its active cell, ready for
// the keyboard. Uses the built renderer (out/renderer) served by the host shell, as a teacher's browser sees it.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createCore } from '../src/core/app';
import { fixedClock } from '../src/core/clock';
import { startHost } from '../src/host/start';
import { summarize } from './stats';

const rendererDir = path.resolve('out/renderer');

export async function gridInChromium(file: string, today: string) {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return [
      {
        name: 'journal grid in Chromium (quarter)',
        value: NaN,
        unit: 'ms',
        note: 'skipped: build the renderer first (npm run build)',
      },
    ];
  }
  const core = createCore({
    dbFile: file,
    migrationsFolder: path.resolve('migrations'),
    clock: fixedClock(`${today}T10:00:00`),
  });
  const host = await startHost({ dispatch: core.dispatch, rendererDir, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const target = core.db.$client
      .prepare(
        `select a.id as assignmentId, p.id as periodId, u.login from assignments a join users u on u.id = a.teacher_id
         join classes c on c.id = a.class_id join school_years y on y.id = a.year_id and y.is_current = 1
         join grade_period_schemes g on g.year_id = y.id and g.grade = c.grade
         join periods p on p.year_id = y.id and p.scheme = g.scheme and p.start_date <= ? and p.end_date >= ?
         where a.subgroup_id is null and c.grade = 7 order by a.id limit 1`,
      )
      .get(today, today) as { assignmentId: number; periodId: number; login: string };
    const page = await (
      await browser.newContext({ locale: 'ru-RU', viewport: { width: 1440, height: 900 } })
    ).newPage();
    await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
    await page.goto(host.url);
    await page.getByLabel('Логин').fill(target.login);
    await page.getByLabel('Пароль').fill('demo');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByTestId('navigation').waitFor();
    const link = `#/journal?assignment=${target.assignmentId}&period=${target.periodId}`;
    const samples: number[] = [];
    let cells = 0;
    for (let i = 0; i < 21; i++) {
      await page.evaluate(() => (window.location.hash = '#/day'));
      await page.getByTestId('day-lessons').or(page.getByText('В этот день у вас нет уроков')).first().waitFor();
      const started = performance.now();
      await page.evaluate((h) => (window.location.hash = h), link);
      await page.locator('[data-testid="journal-grid"] td.zg-active').waitFor();
      if (i > 0) samples.push(performance.now() - started); // the first load warms the code up
      cells = await page.locator('[data-testid="journal-grid"] td.zg-cell').count();
    }
    const s = summarize(samples);
    return [
      {
        name: 'journal grid in Chromium (quarter), median',
        value: s.median,
        unit: 'ms',
        note: `${cells} cells, link opened → grid ready for input, 20 times`,
      },
      { name: 'journal grid in Chromium (quarter), p95', value: s.p95, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await host.close();
    core.close();
  }
}
