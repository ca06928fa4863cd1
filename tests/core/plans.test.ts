import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import type { Caller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';

/** A real .xlsx file, written by exceljs as Excel would save it, base64 as the renderer sends it. */
async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('КТП');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** A CSV as Russian Excel saves it: Windows-1251, semicolons. Node has no 1251 encoder, so the table maps Cyrillic. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      if (c === 0xab) return 0xab;
      if (c === 0xbb) return 0xbb;
      throw new Error(`no cp1251 byte for ${ch}`);
    }),
  );
}

describe('the thematic plan (КТП)', () => {
  const {
    sql,
    callers: { teacher, classTeacher, deputy, secretary },
    logIn,
  } = schoolFixture({
    school: 'demo',
    as: { teacher: 'uchitel', classTeacher: 'klruk', deputy: 'zavuch', secretary: 'secretary' },
  });
  let other: Caller;
  let assignmentId = 0;
  let curriculumHours = 0;
  const topicsInDb = () =>
    sql
      .prepare(
        'select t.position, t.section, t.title, t.hours, t.homework from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id = ? order by t.position',
      )
      .all(assignmentId);

  beforeAll(async () => {
    // A teacher with nothing to do with 5А: not its class teacher, no lessons in it.
    const stranger = sql
      .prepare(
        `select u.login from users u join user_roles r on r.user_id = u.id and r.role = 'teacher'
         where u.id not in (select a.teacher_id from assignments a join classes c on c.id = a.class_id where c.grade = 5 and c.letter = 'А')
           and u.id not in (select class_teacher_id from classes where class_teacher_id is not null and grade = 5 and letter = 'А') limit 1`,
      )
      .get() as { login: string };
    other = await logIn(stranger.login);
    const row = sql
      .prepare(
        `select a.id, cu.hours_per_year as hours from assignments a join users u on u.id = a.teacher_id join classes c on c.id = a.class_id
         join subjects s on s.id = a.subject_id join school_years y on y.id = a.year_id and y.is_current = 1
         join curriculum cu on cu.year_id = a.year_id and cu.grade = c.grade and cu.subject_id = a.subject_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика' and a.subgroup_id is null`,
      )
      .get() as { id: number; hours: number };
    assignmentId = row.id;
    curriculumHours = row.hours;
  });

  it('previews an XLSX with a header, section headings and a Russian reason for every row it cannot take', async () => {
    const contentBase64 = await xlsx([
      ['Календарно-тематическое планирование, 5 класс', null, null, null, null],
      ['№', 'Раздел', 'Тема урока', 'Кол-во часов', 'Домашнее задание'],
      [1, 'Натуральные числа', 'Ряд натуральных чисел', 2, 'п. 1,  № 3, 5'],
      [2, null, 'Сравнение чисел', '3 ч', null],
      [null, null, null, null, null],
      [3, null, 'Округление', '1,5'],
      [4, null, null, 2],
      [5, 'Дроби', 'Понятие дроби', 0],
      [6, null, 'Сложение дробей', null],
      [7, null, 'Контрольная работа № 1', 1],
    ]);
    const r = await teacher.send(contract.plans.previewImport, { assignmentId, fileName: 'ктп.xlsx', contentBase64 });
    expect(r).toEqual({
      ok: true,
      value: {
        rows: [
          {
            line: 3,
            section: 'Натуральные числа',
            title: 'Ряд натуральных чисел',
            hours: 2,
            homework: 'п. 1, № 3, 5',
            error: null,
          },
          { line: 4, section: 'Натуральные числа', title: 'Сравнение чисел', hours: 3, homework: null, error: null },
          {
            line: 6,
            section: 'Натуральные числа',
            title: 'Округление',
            hours: null,
            homework: null,
            error: 'Часы — целое число, а в строке «1,5»',
          },
          { line: 7, section: 'Натуральные числа', title: '', hours: 2, homework: null, error: 'Тема не указана' },
          { line: 8, section: 'Дроби', title: 'Понятие дроби', hours: 0, homework: null, error: 'Часов не меньше 1' },
          {
            line: 9,
            section: 'Дроби',
            title: 'Сложение дробей',
            hours: null,
            homework: null,
            error: 'Не указано количество часов',
          },
          { line: 10, section: 'Дроби', title: 'Контрольная работа № 1', hours: 1, homework: null, error: null },
        ],
        plannedHours: 6,
        curriculumHours,
      },
    });
    expect(topicsInDb().length).toBeGreaterThan(0); // the demo's plan, untouched by a preview
  });

  it('reads a Windows-1251 CSV with semicolons and section heading rows the same way', async () => {
    const text =
      'Тема;Часы\r\nРаздел 1. Числа (3 ч)\r\nЧтение и запись чисел;2\r\n"Сравнение; упорядочивание";1\r\nГлава 2. Дроби\r\nДробь;4\r\n';
    const r = await teacher.send(contract.plans.previewImport, {
      assignmentId,
      fileName: 'plan.CSV',
      contentBase64: cp1251(text).toString('base64'),
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        rows: [
          { line: 3, section: 'Раздел 1. Числа', title: 'Чтение и запись чисел', hours: 2, error: null },
          { line: 4, section: 'Раздел 1. Числа', title: 'Сравнение; упорядочивание', hours: 1, error: null },
          { line: 6, section: 'Глава 2. Дроби', title: 'Дробь', hours: 4, error: null },
        ],
        plannedHours: 7,
      },
    });
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Раздел,Тема,Часы\nЧисла,"Счёт, запись",2\n'),
    ]);
    expect(
      await teacher.send(contract.plans.previewImport, {
        assignmentId,
        fileName: 'plan.csv',
        contentBase64: utf8.toString('base64'),
      }),
    ).toMatchObject({
      ok: true,
      value: { rows: [{ line: 2, section: 'Числа', title: 'Счёт, запись', hours: 2, error: null }] },
    });
  });

  it('refuses a file it cannot read, or without the header, in Russian', async () => {
    expect(
      await teacher.send(contract.plans.previewImport, {
        assignmentId,
        fileName: 'plan.xlsx',
        contentBase64: Buffer.from('not a zip at all').toString('base64'),
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/Excel/) },
    });
    expect(
      await teacher.send(contract.plans.previewImport, {
        assignmentId,
        fileName: 'plan.xlsx',
        contentBase64: await xlsx([
          ['Числа', 2],
          ['Дроби', 3],
        ]),
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/«Тема» и «Часы»/) },
    });
    expect(
      await teacher.send(contract.plans.previewImport, { assignmentId, fileName: 'plan.docx', contentBase64: '' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/\.xlsx или \.csv/) } });
  });

  it('saves the plan, a topic kept by its title keeping its lessons, and shows planned against curriculum and given hours', async () => {
    const old = sql
      .prepare(
        'select t.id, t.title from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id = ? order by t.position limit 3',
      )
      .all(assignmentId) as { id: number; title: string }[];
    const linkedTo = (topicId: number) =>
      sql.prepare('select id from lessons where plan_topic_id = ? order by id').all(topicId);
    const first = linkedTo(old[0]!.id);
    const third = linkedTo(old[2]!.id);
    expect(first.length + third.length).toBeGreaterThan(0);
    const rows = [
      { section: 'Натуральные числа', title: old[2]!.title, hours: 10, homework: 'п. 3, № 12' },
      { section: 'Натуральные числа', title: old[0]!.title, hours: 20, homework: null },
      { section: null, title: 'Контрольная работа № 1', hours: 1, homework: null },
      { section: 'Дроби', title: 'Обыкновенные дроби', hours: curriculumHours - 31, homework: 'п. 4' },
    ];
    const audit = (sql.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    const r = await teacher.send(contract.plans.save, { assignmentId, rows });
    if (!r.ok) throw new Error(r.error.message);
    expect(topicsInDb()).toEqual(rows.map((row, i) => ({ position: i + 1, ...row })));
    expect(r.value).toMatchObject({ plannedHours: curriculumHours, curriculumHours });
    // Reordered topics keep their lessons; the lessons of every other old topic lost only the link.
    expect(linkedTo(old[2]!.id)).toEqual(third);
    expect(linkedTo(old[0]!.id)).toEqual(first);
    const linkedAfter = sql
      .prepare(
        `select l.id, t.position from lessons l join thematic_plan_topics t on t.id = l.plan_topic_id where l.assignment_id = ?`,
      )
      .all(assignmentId) as { id: number; position: number }[];
    expect(linkedAfter.length).toBe(first.length + third.length);
    expect(
      sql
        .prepare(
          "select count(*) as n from lessons where assignment_id = ? and topic is not null and date <= '2026-11-24'",
        )
        .get(assignmentId),
    ).not.toEqual({ n: linkedAfter.length });
    const givenInDb = sql
      .prepare(
        `select count(*) as n from lessons where assignment_id = ? and status != 'not_held' and date <= '2026-11-24'`,
      )
      .get(assignmentId) as { n: number };
    const value = r.value;
    expect(value.givenHours).toBe(givenInDb.n);
    expect(value.topics.map((t) => t.givenHours)).toEqual(
      [1, 2, 3, 4].map(
        (p) =>
          linkedAfter.filter(
            (l) =>
              l.position === p &&
              sql
                .prepare("select 1 from lessons where id = ? and status != 'not_held' and date <= '2026-11-24'")
                .get(l.id) !== undefined,
          ).length,
      ),
    );
    expect(sql.prepare('select action, new_value as v from audit_log order by id desc limit 1').get()).toEqual({
      action: 'plan.save',
      v: JSON.stringify({ topics: 4, hours: curriculumHours }),
    });
    expect((sql.prepare('select count(*) as n from audit_log').get() as { n: number }).n).toBe(audit + 1);
  });

  it('puts the topics in order, each for its remaining hours, on the coming lessons without a topic', async () => {
    sql
      .prepare(`update lessons set topic = null, plan_topic_id = null where assignment_id = ? and date >= '2026-11-25'`)
      .run(assignmentId);
    const typed = sql
      .prepare(
        `select id from lessons where assignment_id = ? and date >= '2026-11-25' order by date, lesson_number limit 1 offset 2`,
      )
      .get(assignmentId) as { id: number };
    sql.prepare(`update lessons set topic = 'Экскурсия в музей' where id = ?`).run(typed.id);
    const topics = sql
      .prepare(
        "select t.id, t.title, t.hours, (select count(*) from lessons l where l.plan_topic_id = t.id and l.status != 'not_held') as linked from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id = ? order by t.position",
      )
      .all(assignmentId) as { id: number; title: string; hours: number; linked: number }[];
    const slots = topics.flatMap((t) => Array.from({ length: Math.max(0, t.hours - t.linked) }, () => t));
    const open = sql
      .prepare(
        `select id from lessons where assignment_id = ? and date >= '2026-11-25' and status != 'not_held' and topic is null order by date, lesson_number`,
      )
      .all(assignmentId) as { id: number }[];
    const expected = open
      .slice(0, slots.length)
      .map((l, i) => ({ id: l.id, topic: slots[i]?.title, planTopicId: slots[i]?.id }));
    expect(expected.length).toBeGreaterThan(5);

    expect(await teacher.send(contract.plans.assign, { assignmentId, fromDate: '2026-11-25' })).toEqual({
      ok: true,
      value: { lessons: expected.length },
    });
    const got = expected.map((e) =>
      sql.prepare('select id, topic, plan_topic_id as planTopicId from lessons where id = ?').get(e.id),
    );
    expect(got).toEqual(expected);
    expect(sql.prepare('select topic, plan_topic_id as p from lessons where id = ?').get(typed.id)).toEqual({
      topic: 'Экскурсия в музей',
      p: null,
    });
    // Run again: every hour is covered or no lesson is left, so nothing changes.
    expect(await teacher.send(contract.plans.assign, { assignmentId, fromDate: '2026-11-25' })).toEqual({
      ok: true,
      value: { lessons: 0 },
    });
  });

  it('lets only the journal’s own teacher change the plan; refused calls change nothing', async () => {
    const before = topicsInDb();
    const rows = [{ section: null, title: 'Чужая тема', hours: 1 }];
    expect(await other.send(contract.plans.save, { assignmentId, rows })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await other.send(contract.plans.assign, { assignmentId, fromDate: '2026-11-25' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await deputy.send(contract.plans.save, { assignmentId, rows })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await secretary.send(contract.plans.get, { assignmentId })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await other.send(contract.plans.get, { assignmentId })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await deputy.send(contract.plans.get, { assignmentId })).toMatchObject({
      ok: true,
      value: { plannedHours: curriculumHours },
    });
    // The class teacher reads every subject of the class, and its plan, but does not rewrite another teacher's plan.
    expect(await classTeacher.send(contract.plans.get, { assignmentId })).toMatchObject({ ok: true });
    expect(await classTeacher.send(contract.plans.save, { assignmentId, rows })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(
      await teacher.send(contract.plans.save, { assignmentId, rows: [{ section: null, title: '', hours: 0 }] }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(topicsInDb()).toEqual(before);
  });
});
