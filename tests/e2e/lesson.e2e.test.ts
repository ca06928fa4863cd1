// A teacher records a lesson from «Мой день» with the keyboard only: topic and homework from the thematic plan,
// six marks and two absences, the keys counted; after a reload all of it is there, in the database and in the audit log.
import { describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { browserHarness } from '../helpers/browser';
import { screenshot } from '../helpers/screenshot';

const today = '2026-11-24';

describe('recording a lesson by keyboard', () => {
  const h = browserHarness(today);

  /** Today's 5А Математика lesson of uchitel, made blank as before the lesson: no topic, homework, marks or absences. */
  function blankLesson() {
    const sql = h.core.db.$client;
    const lesson = sql
      .prepare(
        `select l.id, l.assignment_id as assignmentId, l.plan_topic_id as planTopicId from lessons l join assignments a on a.id = l.assignment_id
         join users u on u.id = a.teacher_id join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and l.date = ?`,
      )
      .get(today) as { id: number; assignmentId: number; planTopicId: number };
    sql
      .prepare(
        `update lessons set topic = null, homework = null, attendance_taken_at = null, topic_entered_at = null, homework_entered_at = null, status = 'planned' where id = ?`,
      )
      .run(lesson.id);
    sql.prepare('delete from marks where lesson_id = ?').run(lesson.id);
    sql.prepare('delete from absences where lesson_id = ?').run(lesson.id);
    // The plan sets the topic's homework (in the plan editor or the imported file's «Домашнее задание» column).
    sql.prepare(`update thematic_plan_topics set homework = 'п.5, № 12' where id = ?`).run(lesson.planTopicId);
    const topic = (
      sql.prepare('select title from thematic_plan_topics where id = ?').get(lesson.planTopicId) as { title: string }
    ).title;
    const students = sql
      .prepare(
        `select s.id, s.last_name || ' ' || s.first_name as name from students s join class_enrollments e on e.student_id = s.id
         join assignments a on a.class_id = e.class_id where a.id = ? and e.end_date is null`,
      )
      .all(lesson.assignmentId) as { id: number; name: string }[];
    students.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    return { ...lesson, topic, students };
  }

  /** Keys as a teacher presses them, counted; Russian letters go through CDP, as a Russian keyboard layout sends them. */
  function keyboard(cdp: CDPSession) {
    let count = 0;
    const press = async (key: string) => {
      count++;
      if (/^[а-яё]$/i.test(key)) {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
      } else await h.page.keyboard.press(key);
    };
    return {
      press,
      type: async (text: string) => {
        for (const ch of text) await press(ch);
      },
      count: () => count,
    };
  }

  it('records topic and homework from the plan, six marks and two absences in at most 25 keys; reload shows them; undo and redo work', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    const lesson = blankLesson();
    await page.setViewportSize({ width: 1366, height: 768 });
    const plan = [['5'], ['4'], ['н'], ['5', '/', '4'], ['3'], ['о', 'п'], ['5'], ['4']];
    const expected = plan.map((keys) => keys.join(''));
    await h.logIn('uchitel');
    await page.getByTestId(`day-lesson-${lesson.id}`).waitFor();
    expect(await page.getByTestId(`day-lesson-${lesson.id}`).innerText()).toContain('тема');

    const keys = keyboard(await page.context().newCDPSession(page));
    // The keyboard starts on the first lesson still to fill; Tab goes down the day to this one.
    const links = await page
      .locator('[data-testid^="open-lesson-"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')));
    for (let i = 0; i < links.indexOf(`open-lesson-${lesson.id}`); i++) await keys.press('Tab');
    await keys.press('Enter');
    await page.getByTestId('lesson-panel').waitFor();
    await keys.press('Enter'); // takes the thematic plan's topic, and the homework the plan sets with it
    await expect.poll(() => page.getByTestId('lesson-homework').inputValue()).toBe('п.5, № 12');
    await screenshot(page, 'lesson-homework-from-plan');
    await keys.press('Enter'); // keeps the proposed homework, on to the marks
    for (const entry of plan) {
      await keys.type(entry.join(''));
      await keys.press('Enter');
    }
    // «оп» stands beside a mark: the late student got no mark here; the grid shows what was typed.
    await expect.poll(() => page.getByTestId(`cell-${lesson.students[7]!.id}-${lesson.id}`).innerText()).toBe('4');
    expect(keys.count()).toBeLessThanOrEqual(25);
    console.log(`keys to record the lesson: ${keys.count()}`);

    const stored = () =>
      lesson.students.slice(0, plan.length).map((s) => {
        const m = sql
          .prepare('select value1, value2 from marks where lesson_id = ? and student_id = ?')
          .get(lesson.id, s.id) as { value1: string; value2: string | null } | undefined;
        const a = sql
          .prepare('select code from absences where lesson_id = ? and student_id = ?')
          .get(lesson.id, s.id) as { code: string } | undefined;
        return `${a?.code ?? ''}${m ? (m.value2 ? `${m.value1}/${m.value2}` : m.value1) : ''}`;
      });
    await expect.poll(stored).toEqual(expected);
    expect(
      sql
        .prepare('select topic, homework, status, attendance_taken_at is not null as taken from lessons where id = ?')
        .get(lesson.id),
    ).toEqual({ topic: lesson.topic, homework: 'п.5, № 12', status: 'held', taken: 1 });
    const audited = sql
      .prepare(`select count(*) as n from audit_log where entity = 'cell' and entity_id like ?`)
      .get(`${lesson.id}:%`) as { n: number };
    expect(audited.n).toBe(plan.length);

    await page.reload();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    const shown = await Promise.all(
      lesson.students.slice(0, plan.length).map((s) => page.getByTestId(`cell-${s.id}-${lesson.id}`).innerText()),
    );
    expect(shown.map((t) => t.replace(/\s/g, ''))).toEqual(expected);
    expect(await page.getByTestId('lesson-topic').inputValue()).toBe(lesson.topic);
    expect(await page.getByTestId('lesson-homework').inputValue()).toBe('п.5, № 12');

    // The audit of a cell, from the cell.
    await page.getByTestId(`cell-${lesson.students[3]!.id}-${lesson.id}`).click();
    await page.getByTestId('cell-history').click();
    await expect.poll(() => page.getByTestId('cell-history-table').innerText()).toContain('5/4');
    await page.keyboard.press('Escape');

    // Undo the last change (the 8th student's «4»), then redo it.
    const cell = page.getByTestId(`cell-${lesson.students[7]!.id}-${lesson.id}`);
    await cell.click();
    await page.getByTestId('grid-scroll').focus();
    // Each key once the screen and the database both show the one before, as a teacher looks before the next.
    const shows = async (value: string) => {
      await expect.poll(async () => (await cell.innerText()).replace(/\s/g, '')).toBe(value);
      await expect.poll(() => stored()[7]).toBe(value);
    };
    await page.keyboard.press('Delete');
    await shows('');
    await page.keyboard.press('Control+z');
    await shows('4');
    await page.keyboard.press('Control+Shift+z');
    await shows('');
    await page.keyboard.press('Control+z');
    await shows('4');
  });

  it('refuses another teacher in Russian and changes nothing', async () => {
    const { page } = h;
    const lesson = blankLesson();
    const sql = h.core.db.$client;
    // Changes to cells; the refused attempt is logged on the cell too, as «access.refused».
    const audit = () =>
      sql.prepare("select count(*) as n from audit_log where entity = 'cell' and action != 'access.refused'").get();
    const refused = () =>
      sql
        .prepare(
          "select count(*) as n from audit_log where entity = 'cell' and action = 'access.refused' and entity_id = ?",
        )
        .get(`${lesson.id}:${lesson.students[0]!.id}`);
    const before = audit();
    await h.logIn('klruk'); // the class teacher of 5А reads its mathematics, but does not teach it
    await page.goto(`${page.url().split('#')[0]}#/journal?assignment=${lesson.assignmentId}&lesson=${lesson.id}`);
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    await page.getByTestId(`cell-${lesson.students[0]!.id}-${lesson.id}`).click();
    await page.getByTestId('grid-scroll').focus();
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Этот урок ведёт другой учитель').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId(`cell-${lesson.students[0]!.id}-${lesson.id}`).innerText()).toBe('');
    expect(audit()).toEqual(before);
    expect(refused()).toEqual({ n: 1 });
    expect(sql.prepare('select count(*) as n from marks where lesson_id = ?').get(lesson.id)).toEqual({ n: 0 });
  });
});
