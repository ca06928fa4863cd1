// Student movement end to end: the secretary transfers a student from 5А to 6А by order (first refused for a date
// before his last entries in 5А, then from the day after them), and the deputy sees both journals follow the date.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { studentWithLatestEntry } from '../helpers/movement';

const today = '2026-11-24';
const ru = (iso: string) => iso.split('-').reverse().join('.');
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('student movement in the browser', () => {
  const h = browserHarness(today);

  it('transfers a student to another class from a date, and both journals show it', async () => {
    const sql = h.core.db.$client;
    const cls = (grade: number) =>
      (
        sql
          .prepare(
            `select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = ? and c.letter = 'А'`,
          )
          .get(grade) as { id: number }
      ).id;
    const [c5, c6] = [cls(5), cls(6)];
    // The 5А student with the latest entry in 5А's journals this quarter: the transfer must wait until after it.
    const victim = studentWithLatestEntry(sql, c5);
    const date = dayAfter(victim.last);
    const journal = (classId: number) =>
      sql
        .prepare(
          `select a.id as assignmentId, p.id as periodId from assignments a join subjects s on s.id = a.subject_id and s.name = 'Математика'
             join grade_period_schemes g on g.year_id = a.year_id and g.grade = ? join periods p on p.year_id = a.year_id and p.scheme = g.scheme and p.start_date <= ? and p.end_date >= ?
           where a.class_id = ? and a.subgroup_id is null`,
        )
        .get(classId === c5 ? 5 : 6, date, date, classId) as { assignmentId: number; periodId: number };

    await h.logIn('secretary');
    await h.page.getByTestId('nav-movement').click();
    await h.page.getByTestId('movement-class').click();
    await h.page.getByRole('option', { name: '5А', exact: true }).click();
    const row = h.page.getByTestId(`roll-${victim.id}`);
    await row.getByRole('button', { name: 'Перевести' }).click();
    const form = h.page.getByTestId('order-form');
    await form.getByLabel('В класс').click();
    await h.page.getByRole('option', { name: '6А', exact: true }).click();
    await form.getByLabel('Переведён с').fill(victim.last);
    await form.getByLabel('№ приказа').fill('112-у');
    await form.getByLabel('Дата приказа').fill(victim.last);
    await h.page.getByTestId('order-submit').click();
    // Dated on his last entry: refused, the entries named, nothing written.
    await expect
      .poll(() => h.page.getByTestId('order-error').textContent(), { timeout: 20_000 })
      .toContain(`С ${ru(victim.last)} у ученика уже есть записи в журнале 5А класса`);
    expect(
      sql
        .prepare('select count(*) as n from student_movements where student_id = ? and kind = ?')
        .get(victim.id, 'transferred'),
    ).toEqual({ n: 0 });
    await h.page.screenshot({ path: 'test-results/movement-refused.png' });

    await form.getByLabel('Переведён с').fill(date);
    await h.page.getByTestId('order-submit').click();
    await expect
      .poll(() => h.page.getByTestId('movement-done').textContent(), { timeout: 20_000 })
      .toContain(`из 5А в 6А класс с ${ru(date)}`);
    expect(
      sql
        .prepare('select end_date as e from class_enrollments where student_id = ? and class_id = ?')
        .get(victim.id, c5),
    ).toEqual({ e: victim.last });

    // The register lists the order.
    await h.page.getByRole('tab', { name: 'Книга движения' }).click();
    await h.page.getByTestId('report-table-0').getByText(victim.name).waitFor();
    await h.page.screenshot({ path: 'test-results/movement-register.png', fullPage: true });

    // The deputy opens both journals of the quarter: 5А up to the day before (then «выбыл»), 6А from the date.
    await h.page
      .getByRole('button', { name: /Секретарь|secretary/ })
      .click()
      .catch(() => undefined);
    await h.page.context().clearCookies();
    await h.page.goto(h.page.url().split('#')[0]!);
    await h.logIn('zavuch');
    const open = async (classId: number) => {
      const j = journal(classId);
      await h.page.goto(`${h.page.url().split('#')[0]}#/journal?assignment=${j.assignmentId}&period=${j.periodId}`);
      await h.page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
      return h.page.getByTestId('journal-grid').getByTestId(`row-${victim.id}`);
    };
    const old = await open(c5);
    await expect.poll(() => old.textContent(), { timeout: 20_000 }).toContain(`выбыл с ${ru(date).slice(0, 5)}`);
    await h.page.screenshot({ path: 'test-results/movement-old-journal.png' });
    const fresh = await open(c6);
    await expect.poll(() => fresh.textContent(), { timeout: 20_000 }).toContain(`прибыл ${ru(date).slice(0, 5)}`);
    await h.page.screenshot({ path: 'test-results/movement-new-journal.png' });
  });

  it('records an arrival, a change of subgroup and a departure by order, each in the database', async () => {
    const sql = h.core.db.$client;
    // A class of the current year split into subgroups for some subject: the new student joins one of them.
    const cls = sql
      .prepare(
        `select c.id, c.grade || c.letter as name from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where exists (select 1 from subgroups g where g.class_id = c.id) order by c.grade, c.letter limit 1`,
      )
      .get() as { id: number; name: string };
    const [arrived, moved, left] = [today, dayAfter(today), dayAfter(dayAfter(today))];
    const form = h.page.getByTestId('order-form');
    const order = async (dateLabel: string, date: string, number: string) => {
      await form.getByLabel(dateLabel).fill(date);
      await form.getByLabel('№ приказа').fill(number);
      await form.getByLabel('Дата приказа').fill(today);
      await h.page.getByTestId('order-submit').click();
    };
    const done = (text: string) =>
      expect.poll(() => h.page.getByTestId('movement-done').textContent(), { timeout: 20_000 }).toContain(text);

    await h.logIn('secretary');
    await h.page.getByTestId('nav-movement').click();
    await h.page.getByTestId('movement-class').click();
    await h.page.getByRole('option', { name: cls.name, exact: true }).click();

    // Прибыл: a new student, on the class's list and in one subgroup of each split subject from the date.
    await h.page.getByRole('button', { name: 'Прибыл ученик' }).click();
    await form.getByLabel('Фамилия').fill('Новиков');
    await form.getByLabel(/^Имя/).fill('Пётр');
    await form.getByLabel('Откуда прибыл (школа, город)').fill('МБОУ СОШ № 3, г. Энск');
    await order('Прибыл с', arrived, '120-у');
    await done(`Новиков Пётр прибыл(а) в ${cls.name} класс с ${ru(arrived)}`);
    const student = sql
      .prepare(`select id from students where last_name = 'Новиков' and first_name = 'Пётр'`)
      .get() as { id: number };
    expect(
      sql
        .prepare(
          'select class_id as classId, start_date as s, end_date as e from class_enrollments where student_id = ?',
        )
        .all(student.id),
    ).toEqual([{ classId: cls.id, s: arrived, e: null }]);
    expect(
      sql
        .prepare(
          'select kind, to_class_id as toClassId, order_number as n, note from student_movements where student_id = ?',
        )
        .all(student.id),
    ).toEqual([{ kind: 'arrived', toClassId: cls.id, n: '120-у', note: 'МБОУ СОШ № 3, г. Энск' }]);
    const membership = `select m.subgroup_id as subgroupId, m.start_date as s, m.end_date as e from subgroup_members m join subgroups g on g.id = m.subgroup_id where m.student_id = ? and g.subject_id = ? order by m.start_date`;
    const first = sql
      .prepare(
        `select g.id, g.subject_id as subjectId from subgroup_members m join subgroups g on g.id = m.subgroup_id where m.student_id = ? order by g.subject_id limit 1`,
      )
      .get(student.id) as { id: number; subjectId: number };
    const other = sql
      .prepare(
        `select g.id, s.name || ': ' || g.name as label from subgroups g join subjects s on s.id = g.subject_id where g.class_id = ? and g.subject_id = ? and g.id <> ?`,
      )
      .get(cls.id, first.subjectId, first.id) as { id: number; label: string };

    // Подгруппа: from the next day in the other subgroup of that subject; the first ends the day before.
    await h.page.getByTestId(`roll-${student.id}`).getByRole('button', { name: 'Подгруппа' }).click();
    await form.getByLabel('В подгруппу').click();
    await h.page.getByRole('option', { name: other.label, exact: true }).click();
    await order('Переведён с', moved, '121-у');
    await done(`Новиков Пётр с ${ru(moved)} в подгруппе`);
    expect(sql.prepare(membership).all(student.id, first.subjectId)).toEqual([
      { subgroupId: first.id, s: arrived, e: arrived },
      { subgroupId: other.id, s: moved, e: null },
    ]);

    // Выбыл: the class's list and the subgroup end the day before, the order says where to.
    await h.page.getByTestId(`roll-${student.id}`).getByRole('button', { name: 'Выбыл' }).click();
    await form.getByLabel('Куда выбыл (школа, город)').fill('МБОУ СОШ № 7, г. Энск');
    await order('Выбыл с', left, '122-у');
    await done(`Новиков Пётр выбыл(а) из ${cls.name} класса с ${ru(left)}`);
    expect(sql.prepare('select end_date as e from class_enrollments where student_id = ?').all(student.id)).toEqual([
      { e: moved },
    ]);
    expect(sql.prepare(membership).all(student.id, first.subjectId).at(-1)).toEqual({
      subgroupId: other.id,
      s: moved,
      e: moved,
    });
    expect(
      sql
        .prepare(
          `select kind, from_class_id as fromClassId, order_number as n, note from student_movements where student_id = ? and kind = 'left'`,
        )
        .all(student.id),
    ).toEqual([{ kind: 'left', fromClassId: cls.id, n: '122-у', note: 'МБОУ СОШ № 7, г. Энск' }]);
  });

  it('reminds the secretary on her start page of documents due for the archive, until she records the act', async () => {
    // An old year whose journals' five years have run out (kept through 2025).
    h.core.db.$client
      .prepare(
        `insert into school_years (name, start_date, end_date, is_current) values ('2019/2020', '2019-09-01', '2020-05-31', 0)`,
      )
      .run();
    await h.logIn('secretary');
    const reminder = h.page.getByTestId('retention-reminder');
    await expect.poll(() => reminder.textContent(), { timeout: 20_000 }).toContain('Классные журналы 2019/2020');
    await h.page.screenshot({ path: 'test-results/retention-reminder.png' });
    await reminder.getByRole('button', { name: 'Открыть «Сроки хранения»' }).click();
    const rows = h.page.getByTestId('retention');
    await rows.waitFor();
    for (const kind of ['handover', 'journals']) {
      await rows
        .getByTestId(new RegExp(`^retention-\\d+-${kind}$`))
        .getByRole('button', { name: 'Выполнено' })
        .click();
      await h.page.getByLabel('Акт (номер и дата)').fill(`акт № ${kind === 'handover' ? 1 : 2} от 10.09.2020`);
      await h.page.getByRole('button', { name: 'Отметить выполненным' }).click();
      await rows
        .getByTestId(new RegExp(`^retention-\\d+-${kind}$`))
        .getByText('выполнено')
        .waitFor();
    }
    await h.page.screenshot({ path: 'test-results/retention-register.png', fullPage: true });
    await h.page.getByTestId('nav-movement').click();
    await h.page.getByTestId('class-roll').waitFor();
    expect(await h.page.getByTestId('retention-reminder').count()).toBe(0);
  });
});
