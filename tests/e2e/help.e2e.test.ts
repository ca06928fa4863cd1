// «Справка»: each role's usual work, step by step, with pictures of the screens. This suite takes those pictures
// from the demonstration school at 1366×768 (src/renderer/src/help/screens, also shown by the README), so the help
// shows the screens as they are; then every role opens «Справка» and finds its own topics first, pictures loaded.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserHarness } from '../helpers/browser';
import { helpTopics } from '../../src/renderer/src/help/topics';

const today = '2026-11-24';
const screens = path.resolve('src/renderer/src/help/screens');
const results = path.resolve('test-results');

describe('«Справка» and its pictures', () => {
  const h = browserHarness(today);

  async function open(login: string, route: string): Promise<Page> {
    await h.page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn(login);
    await h.page.goto(`${h.page.url().split('#')[0]}#/${route}`);
    return h.page;
  }

  async function picture(page: Page, id: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(screens, `${id}.png`) });
  }

  it('takes the teacher’s lesson', async () => {
    const sql = h.core.db.$client;
    const { assignmentId, lessonId } = sql
      .prepare(
        `select a.id as assignmentId, l.id as lessonId from assignments a join users u on u.id = a.teacher_id
           join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
           join lessons l on l.assignment_id = a.id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and l.date <= ?
         order by l.date desc limit 1`,
      )
      .get(today) as { assignmentId: number; lessonId: number };
    const teacher = await open('uchitel', `journal?assignment=${assignmentId}&lesson=${lessonId}`);
    await teacher.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    // The topic field opens with the plan's topics listed; the picture shows the lesson, not that list.
    const topic = teacher.getByTestId('lesson-topic');
    await topic.waitFor();
    if ((await topic.getAttribute('data-expanded')) === 'true') await topic.press('Escape');
    await expect.poll(() => topic.getAttribute('data-expanded')).not.toBe('true');
    await picture(teacher, 'lesson');
  });

  it('takes the class teacher’s week', async () => {
    const page = await open('klruk', 'attendance');
    await page
      .getByRole('button', { name: /Подтвердить/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await picture(page, 'attendance');
  });

  it('takes the deputy’s period closing', async () => {
    const page = await open('zavuch', 'periods');
    await page.getByText('Четверти').first().waitFor({ timeout: 15_000 });
    await picture(page, 'period');
  });

  it('takes the secretary’s printing', async () => {
    const page = await open('secretary', 'print');
    await page.getByRole('textbox', { name: 'Класс' }).click({ timeout: 15_000 });
    await page.getByRole('option', { name: /^5А/ }).click();
    await page.getByRole('button', { name: 'Проверить перед печатью' }).click();
    await page
      .locator('[data-testid="preflight-ok"], [data-testid="preflight-issues"]')
      .first()
      .waitFor({ timeout: 30_000 });
    await picture(page, 'print');
  });

  it('takes the administrator’s backups and school network', async () => {
    const page = await open('admin', 'backup');
    await page.getByText('Куда копировать').first().waitFor({ timeout: 15_000 });
    await picture(page, 'backup');
    await page.goto(`${page.url().split('#')[0]}#/admin`);
    await page.getByTestId('admin-tab-network').click();
    await page.getByText('Школьная сеть').first().waitFor();
    await picture(page, 'network');
  });

  for (const [login, first] of [
    ['uchitel', 'lesson'],
    ['klruk', 'lesson'],
    ['zavuch', 'period'],
    ['secretary', 'print'],
    ['admin', 'backup'],
  ] as const) {
    it(`${login} finds «Справка» with own topics first and every picture loaded`, async () => {
      const page = await open(login, '');
      await page.getByTestId('nav-help').click();
      const article = page.getByTestId('help-article');
      await article.waitFor({ timeout: 15_000 });
      expect(await article.getByRole('heading').first().innerText()).toBe(
        helpTopics.find((t) => t.id === first)!.title,
      );
      for (const topic of helpTopics) {
        await page.getByTestId(`help-topic-${topic.id}`).click();
        await expect.poll(() => article.getByRole('heading').first().innerText()).toBe(topic.title);
        const shown = page.getByTestId('help-picture');
        await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1366);
        // The link names the topic: a reload stays on it.
        expect(page.url()).toContain(`#/help?topic=${topic.id}`);
      }
      await page.getByTestId(`help-topic-${first}`).click();
      fs.mkdirSync(results, { recursive: true });
      await page.screenshot({ path: path.join(results, `help-${login}.png`) });
    });
  }
});
