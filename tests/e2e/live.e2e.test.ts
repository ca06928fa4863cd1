// Two people on one journal from two browsers: a mark one teacher types appears in the other's open grid without
// a reload, carried by the server's change stream (GET /api/events) and the renderer's query invalidation.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { blankCell } from '../helpers/demo-cells';

const today = '2026-11-24';

async function logIn(page: Page, login: string) {
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('navigation').waitFor({ timeout: 15_000 });
}

describe('several people at once', () => {
  const h = browserHarness(today);

  it("shows a mark saved in one teacher's browser in the class teacher's open grid, without a reload", async () => {
    const sql = h.core.db.$client;
    const cell = blankCell(sql, today);
    const journal = `#/journal?assignment=${cell.assignmentId}&lesson=${cell.lessonId}`;
    const testId = `cell-${cell.studentId}-${cell.lessonId}`;

    // The class teacher of 5А reads every subject of the class: the mathematics journal, open before the mark.
    const watcher = await h.another();
    await watcher.setViewportSize({ width: 1366, height: 768 });
    await logIn(watcher, 'klruk');
    await watcher.goto(`${watcher.url().split('#')[0]}${journal}`);
    await watcher.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    const seen = watcher.getByTestId(testId);
    expect((await seen.innerText()).trim()).toBe('');

    const { page } = h;
    await h.logIn('uchitel');
    await page.goto(`${page.url().split('#')[0]}${journal}`);
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    await page.getByTestId(testId).click();
    await page.getByTestId('grid-scroll').focus();
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        sql
          .prepare('select value1 from marks where lesson_id = ? and student_id = ?')
          .get(cell.lessonId, cell.studentId),
      )
      .toEqual({ value1: '4' });

    await expect.poll(async () => (await seen.innerText()).trim(), { timeout: 10_000 }).toBe('4');
    fs.mkdirSync('test-results', { recursive: true });
    await watcher.screenshot({ path: 'test-results/live-mark-in-other-browser.png' });

    // And back: cleared in the teacher's browser, gone from the class teacher's.
    await page.getByTestId(testId).click();
    await page.getByTestId('grid-scroll').focus();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await seen.innerText()).trim(), { timeout: 10_000 }).toBe('');
  });

  it("shows homework saved in the lesson panel in the class teacher's panel and in the teacher's other «Мой день»", async () => {
    const sql = h.core.db.$client;
    const lesson = sql
      .prepare(
        `select l.id, l.assignment_id as assignmentId from lessons l join assignments a on a.id = l.assignment_id
           join users u on u.id = a.teacher_id join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and l.date = ?`,
      )
      .get(today) as { id: number; assignmentId: number };
    sql.prepare('update lessons set homework = null, homework_entered_at = null where id = ?').run(lesson.id);
    const journal = `#/journal?assignment=${lesson.assignmentId}&lesson=${lesson.id}`;

    const classTeacher = await h.another();
    await logIn(classTeacher, 'klruk');
    await classTeacher.goto(`${classTeacher.url().split('#')[0]}${journal}`);
    const shownHomework = classTeacher.getByTestId('lesson-homework');
    await shownHomework.waitFor({ timeout: 15_000 });
    expect(await shownHomework.inputValue()).toBe('');

    // The same teacher on another computer (the staffroom): a session of its own, on «Мой день».
    const staffroom = await h.another();
    await staffroom.setViewportSize({ width: 1366, height: 768 });
    await logIn(staffroom, 'uchitel');
    const row = staffroom.getByTestId(`day-lesson-${lesson.id}`);
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.innerText()).toContain('домашнее задание');

    const { page } = h;
    await h.logIn('uchitel');
    await page.goto(`${page.url().split('#')[0]}${journal}`);
    await page.getByTestId('lesson-homework').fill('п.7, № 12');
    await page.getByTestId('lesson-homework').press('Enter');
    await expect
      .poll(() => sql.prepare('select homework from lessons where id = ?').get(lesson.id))
      .toEqual({ homework: 'п.7, № 12' });

    await expect.poll(() => shownHomework.inputValue(), { timeout: 10_000 }).toBe('п.7, № 12');
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).not.toContain('домашнее задание');
    fs.mkdirSync('test-results', { recursive: true });
    await staffroom.screenshot({ path: 'test-results/live-my-day-in-other-browser.png' });
  });

  it('keeps the topic a teacher is typing when another computer saves the lesson, and shows a topic saved meanwhile as a conflict', async () => {
    const sql = h.core.db.$client;
    const lesson = sql
      .prepare(
        `select l.id, l.assignment_id as assignmentId from lessons l join assignments a on a.id = l.assignment_id
           join users u on u.id = a.teacher_id join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and l.date = ?`,
      )
      .get(today) as { id: number; assignmentId: number };
    sql
      .prepare(
        'update lessons set topic = null, plan_topic_id = null, homework = null, homework_entered_at = null where id = ?',
      )
      .run(lesson.id);
    const journal = `#/journal?assignment=${lesson.assignmentId}&lesson=${lesson.id}`;
    const saved = () => sql.prepare('select topic, homework from lessons where id = ?').get(lesson.id);

    // A: the teacher in the classroom, typing the topic and not leaving the field.
    const { page: a } = h;
    await a.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('uchitel');
    await a.goto(`${a.url().split('#')[0]}${journal}`);
    const topicA = a.getByTestId('lesson-topic');
    const homeworkA = a.getByTestId('lesson-homework');
    await topicA.waitFor({ timeout: 15_000 });
    await topicA.click();
    await a.keyboard.type('Сложение дробей');

    // B: the same teacher in the staffroom saves the homework of the same lesson.
    const b = await h.another();
    await logIn(b, 'uchitel');
    await b.goto(`${b.url().split('#')[0]}${journal}`);
    await b.getByTestId('lesson-homework').fill('№ 101');
    await b.getByTestId('lesson-homework').press('Enter');
    await expect.poll(saved).toEqual({ topic: null, homework: '№ 101' });

    // A's screen shows B's homework live, and the topic typed there is still there, still focused.
    await expect.poll(() => homeworkA.inputValue(), { timeout: 10_000 }).toBe('№ 101');
    expect(await topicA.inputValue()).toBe('Сложение дробей');
    expect(await topicA.evaluate((el) => el === document.activeElement)).toBe(true);
    fs.mkdirSync('test-results', { recursive: true });
    await a.screenshot({ path: 'test-results/live-draft-kept.png' });

    // B saves a topic too while A still types: A's draft stays; leaving the field, A is shown B's topic as a conflict.
    const topicB = b.getByTestId('lesson-topic');
    await topicB.fill('Дроби');
    await topicB.press('Enter');
    await expect.poll(saved).toEqual({ topic: 'Дроби', homework: '№ 101' });
    await a.keyboard.type(' с одинаковыми знаменателями');
    expect(await topicA.inputValue()).toBe('Сложение дробей с одинаковыми знаменателями');
    await homeworkA.click();
    const conflict = a.getByTestId('lesson-conflict');
    await conflict.waitFor({ timeout: 10_000 });
    expect(await conflict.innerText()).toContain('«Дроби»');
    expect(saved()).toEqual({ topic: 'Дроби', homework: '№ 101' });
    await a.screenshot({ path: 'test-results/live-draft-conflict.png' });
    await a.getByTestId('lesson-conflict-mine').click();
    await expect.poll(saved).toEqual({ topic: 'Сложение дробей с одинаковыми знаменателями', homework: '№ 101' });
    await expect
      .poll(() => topicB.inputValue(), { timeout: 10_000 })
      .toBe('Сложение дробей с одинаковыми знаменателями');
  });
});
