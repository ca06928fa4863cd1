// The class teacher's attendance in Chromium: a medical note turns a range of «н» into «б», and the subject
// teacher's journal grid shows «б» from then on.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';

const today = '2026-11-24';

describe('attendance in the browser', () => {
  const h = browserHarness(today);

  /** A 5А student made absent («н») from every lesson of 18 and 19 November, as the subject teachers would enter it. */
  function absentTwoDays() {
    const sql = h.core.db.$client;
    const cls = sql
      .prepare(`select c.id from classes c join users u on u.id = c.class_teacher_id where u.login = 'klruk'`)
      .get() as { id: number };
    // One with a clean week so far, so that what the week shows comes from these two days only.
    const studentId = (
      sql
        .prepare(
          `select e.student_id as id from class_enrollments e where e.class_id = ? and e.end_date is null and not exists (
             select 1 from absences ab join lessons l on l.id = ab.lesson_id where ab.student_id = e.student_id and l.date between '2026-11-16' and '2026-11-22')
           order by e.student_id limit 1`,
        )
        .get(cls.id) as { id: number }
    ).id;
    const lessons = sql
      .prepare(
        `select l.id, l.date, s.name as subject, u.login from lessons l join assignments a on a.id = l.assignment_id join subjects s on s.id = a.subject_id
         join users u on u.id = a.teacher_id
         where a.class_id = ? and l.date in ('2026-11-18', '2026-11-19') and l.status != 'not_held'
           and (a.subgroup_id is null or exists (select 1 from subgroup_members m where m.subgroup_id = a.subgroup_id and m.student_id = ?))`,
      )
      .all(cls.id, studentId) as { id: number; date: string; subject: string; login: string }[];
    for (const l of lessons) {
      sql.prepare('delete from marks where lesson_id = ? and student_id = ?').run(l.id, studentId);
      sql
        .prepare(
          'insert into absences (lesson_id, student_id, code) values (?, ?, ?) on conflict (lesson_id, student_id) do update set code = excluded.code',
        )
        .run(l.id, studentId, 'н');
    }
    const math = lessons.find((l) => l.subject === 'Математика' && l.login === 'uchitel');
    if (!math) throw new Error('the demo has no Математика of uchitel in 5А on 18–19 November');
    return {
      studentId,
      lessons,
      math,
      codes: () =>
        lessons.map(
          (l) =>
            (
              sql.prepare('select code from absences where lesson_id = ? and student_id = ?').get(l.id, studentId) as {
                code: string;
              }
            ).code,
        ),
    };
  }

  it('the class teacher turns a range of «н» into «б» and the subject teacher’s grid shows it', async () => {
    const { page } = h;
    const { studentId, lessons, math, codes } = absentTwoDays();
    await h.logIn('klruk');
    await page.getByTestId('nav-attendance').click();
    await page.getByTestId('attendance-week').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Предыдущая неделя' }).click();
    await expect.poll(() => page.getByTestId('week-dates').innerText()).toContain('16.11 — 22.11.2026');
    const cell = page.getByTestId(`att-cell-${studentId}-${math.id}`);
    await expect.poll(() => cell.innerText()).toBe('н');
    // Both days were missed whole: the week counts two missed days.
    expect(await page.getByTestId(`att-days-${studentId}`).innerText()).toBe('2');

    await cell.click();
    const dialog = page.getByTestId('reason-dialog');
    await page.getByTestId('reason-from').fill('2026-11-18');
    await page.getByTestId('reason-to').fill('2026-11-19');
    await page.getByTestId('reason-text').fill('Справка № 14 из детской поликлиники');
    await page.getByTestId('reason-save').click();
    await expect
      .poll(() => page.getByTestId('reason-result').innerText())
      .toContain(`Изменено пропусков: ${lessons.length}`);
    await dialog.getByRole('button', { name: 'Готово' }).click();
    await expect.poll(() => cell.innerText()).toBe('б');
    expect(codes()).toEqual(lessons.map(() => 'б'));
    expect(await page.getByTestId(`att-days-${studentId}`).innerText()).toBe('2');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await h.logIn('uchitel');
    await page.getByTestId('nav-journal').click();
    const select = page.getByTestId('assignment-select');
    await select.waitFor({ timeout: 15_000 });
    await select.click();
    await select.fill('5А Математика');
    await page.getByRole('option', { name: '5А · Математика', exact: true }).click();
    await page.getByTestId('journal-grid').waitFor();
    await expect.poll(() => page.getByTestId(`cell-${studentId}-${math.id}`).innerText()).toBe('б');
  });

  it('refuses a reason without its ground, in Russian, and changes nothing', async () => {
    const { page } = h;
    const audit = () =>
      h.core.db.$client.prepare("select count(*) as n from audit_log where action like 'absence.%'").get();
    const before = audit();
    await h.logIn('klruk');
    await page.getByTestId('nav-attendance').click();
    await page.getByTestId('reason-open').click();
    await page.getByTestId('reason-save').click();
    await expect.poll(() => page.getByTestId('reason-dialog').innerText()).toContain('Выберите ученика');
    expect(await page.getByTestId('reason-dialog').innerText()).toContain('Укажите основание');
    expect(audit()).toEqual(before);
  });

  it('shows the deputy the school’s day with the absent students of each class', async () => {
    const { page } = h;
    const { studentId } = absentTwoDays();
    const name = h.core.db.$client
      .prepare("select last_name || ' ' || first_name as n from students where id = ?")
      .get(studentId) as { n: string };
    await h.logIn('zavuch');
    await page.getByTestId('nav-attendance').click();
    await page.getByTestId('school-day-date').fill('2026-11-19');
    const row = page.getByTestId('school-day-5А');
    await expect.poll(() => row.innerText()).toContain(name.n);
    expect(await row.innerText()).toContain('(весь день)');
  });
});
