// Several computers on one journal, in Chromium against `zhurnal serve` as a real process: two teachers on one
// cell get a conflict and a choice, never a silent overwrite; a server killed while a teacher types loses
// nothing — the marks wait on the teacher's computer (through a reload), arrive once the server is back, once each.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore } from '../../src/core/app';
import { systemClock } from '../../src/core/clock';
import { generateDemoSchool } from '../../src/core/demo';
import { localDate } from '../../src/shared/dates';
import { startServe, type Served } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp';

const shots = path.resolve('test-results');
const dbFile = path.join(tempDir(), 'school.db');
const today = localDate(new Date());
let sql: Database.Database;
let browser: Browser;
let server: Served & { ok: true };
let port = 0;

async function serve(): Promise<void> {
  const started = await startServe(dbFile, port ? { port } : {});
  if (!started.ok) throw new Error(`serve did not start: ${started.stderr}`);
  server = started;
  port = Number(new URL(started.url).port);
}

async function teacherPage(login: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('navigation').waitFor({ timeout: 15_000 });
  return page;
}

async function openJournal(page: Page, assignmentId: number, lessonId: number): Promise<void> {
  await page.goto(`${server.url.replace(/\/$/, '')}/#/journal?assignment=${assignmentId}&lesson=${lessonId}`);
  await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
}

async function type(page: Page, studentId: number, lessonId: number, text: string, enter = true): Promise<void> {
  await page.getByTestId(`cell-${studentId}-${lessonId}`).click();
  await page.getByTestId('grid-scroll').focus();
  await page.keyboard.type(text);
  if (enter) await page.keyboard.press('Enter');
}

// uchitel's mathematics in 5А: its lessons held up to today, and the class's students.
const base = `from lessons l join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
  join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
  where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and l.date <= ?`;
let assignmentId = 0;
let lessons: number[] = [];
let students: number[] = [];
const markOf = (lessonId: number, studentId: number) =>
  sql.prepare('select value1 from marks where lesson_id = ? and student_id = ?').pluck().get(lessonId, studentId);

beforeAll(async () => {
  const core = createCore({ dbFile, migrationsFolder: path.resolve('migrations'), clock: systemClock, create: true });
  generateDemoSchool(core.db, { tier: 'small', years: 1, today });
  core.close();
  sql = new Database(dbFile);
  const rows = sql
    .prepare(
      `select l.id, l.assignment_id as a, a.class_id as c ${base} order by l.date desc, l.lesson_number desc limit 2`,
    )
    .all(today) as { id: number; a: number; c: number }[];
  assignmentId = rows[0]!.a;
  lessons = rows.map((r) => r.id);
  students = sql
    .prepare(
      'select student_id from class_enrollments where class_id = ? and end_date is null order by student_id limit 11',
    )
    .pluck()
    .all(rows[0]!.c) as number[];
  // Empty cells to type into; klruk substitutes on the older lesson, so two teachers may write its cells.
  for (const lessonId of lessons) {
    sql.prepare('delete from marks where lesson_id = ?').run(lessonId);
    sql.prepare('delete from absences where lesson_id = ?').run(lessonId);
  }
  sql
    .prepare("update lessons set given_by_id = (select id from users where login = 'klruk') where id = ?")
    .run(lessons[1]);
  await serve();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server?.ok) await server.stop();
  sql?.close();
});

describe('two teachers on one cell', () => {
  it('refuses the second save, shows both values with the other’s name, and saves the choice', async () => {
    const lessonId = lessons[1]!;
    const studentId = students[0]!;
    const teacher = await teacherPage('uchitel');
    const substitute = await teacherPage('klruk');
    await openJournal(teacher, assignmentId, lessonId);
    await openJournal(substitute, assignmentId, lessonId);
    // The teacher starts typing into the empty cell; meanwhile the substitute saves «4» there.
    await type(teacher, studentId, lessonId, '5', false);
    await type(substitute, studentId, lessonId, '4');
    await expect.poll(() => markOf(lessonId, studentId)).toBe('4');
    await teacher.keyboard.press('Enter');

    const choice = teacher.getByTestId('conflict-choice');
    await choice.waitFor({ timeout: 15_000 });
    const klruk = sql.prepare("select last_name from users where login = 'klruk'").pluck().get() as string;
    expect(await choice.innerText()).toContain(klruk);
    await expect.poll(() => choice.innerText()).toContain('«4»');
    expect(await choice.innerText()).toContain('«5»');
    expect(await teacher.getByTestId(`cell-${studentId}-${lessonId}`).innerText()).toBe('4');
    expect(markOf(lessonId, studentId)).toBe('4');
    await teacher.screenshot({ path: path.join(shots, 'sync-conflict.png') });

    await teacher.getByTestId('conflict-mine').click();
    await expect.poll(() => markOf(lessonId, studentId)).toBe('5');
    await choice.waitFor({ state: 'detached' });
    expect(await teacher.getByTestId('error-alert').count()).toBe(0);
    const log = sql
      .prepare(
        `select a.action, u.login from audit_log a join users u on u.id = a.user_id
         where a.entity = 'cell' and a.entity_id = ? order by a.id`,
      )
      .all(`${lessonId}:${studentId}`);
    expect(log).toEqual([
      { action: 'mark.set', login: 'klruk' },
      { action: 'mark.conflict', login: 'uchitel' },
      { action: 'mark.set', login: 'uchitel' },
    ]);
    await teacher.context().close();
    await substitute.context().close();
  });
});

describe('the server goes away while a teacher types', () => {
  it('says so at once, and says when it is back', async () => {
    const lessonId = lessons[0]!;
    const studentId = students[10]!;
    const page = await teacherPage('uchitel');
    await openJournal(page, assignmentId, lessonId);
    await server.stop();
    await type(page, studentId, lessonId, '3');
    await page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });
    await serve();
    await page.getByTestId('connection-back').waitFor({ timeout: 20_000 });
    await expect.poll(() => markOf(lessonId, studentId), { timeout: 20_000 }).toBe('3');
    await expect.poll(() => page.locator('[data-waiting]').count()).toBe(0);
    await page.context().close();
  });

  it('keeps 10 marks through a reload, sends all once the server is back, each once, and forgets them', async () => {
    const lessonId = lessons[0]!;
    const ten = students.slice(0, 10);
    const page = await teacherPage('uchitel');
    await openJournal(page, assignmentId, lessonId);
    const since = sql.prepare('select max(id) from audit_log').pluck().get() as number;

    await server.stop();
    for (const [i, studentId] of ten.entries()) await type(page, studentId, lessonId, String((i % 4) + 2));
    await page.getByTestId('connection-lost').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('[data-waiting]').count()).toBe(10);
    expect(await page.getByTestId('waiting-count').innerText()).toContain('ждёт связи: 10');
    for (const [i, studentId] of ten.entries())
      expect(await page.getByTestId(`cell-${studentId}-${lessonId}`).innerText()).toBe(String((i % 4) + 2));
    await page.screenshot({ path: path.join(shots, 'sync-outage.png') });
    // This server's queue (saves are kept per server: a browser's under its origin); null once it is empty.
    const queued = () =>
      page.evaluate(() => {
        const stored = window.localStorage.getItem(`zhurnal.outbox@origin:${location.origin}`);
        const items = stored ? (JSON.parse(stored) as { items: unknown[] }).items : [];
        return items.length > 0 ? items : null;
      });
    expect(await queued()).toHaveLength(10);
    expect(ten.map((s) => markOf(lessonId, s))).toEqual(ten.map(() => undefined));

    // A reload while the server is gone: the browser can show only its own error page.
    await expect(page.reload()).rejects.toThrow();
    await serve();
    await page.goto(server.url);
    await page.getByTestId('navigation').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => ten.map((s) => markOf(lessonId, s)), { timeout: 30_000 })
      .toEqual(ten.map((_, i) => String((i % 4) + 2)));
    await expect.poll(queued).toBeNull();
    // None twice: one save per cell in the log, one answer kept per call.
    const saves = sql
      .prepare(
        `select entity_id, count(*) as n from audit_log where id > ? and action like 'mark.%' group by entity_id`,
      )
      .all(since) as { entity_id: string; n: number }[];
    expect(saves).toHaveLength(10);
    expect(saves.every((s) => s.n === 1)).toBe(true);
    await openJournal(page, assignmentId, lessonId);
    expect(await page.locator('[data-waiting]').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'sync-after-outage.png') });
    await page.context().close();
  });
});
