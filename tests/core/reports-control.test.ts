// Journal-filling control on the hand-built school, with a few faulty lessons added here and counted by hand.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract, type InputOf } from '../../src/shared/contract';
import type { Caller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp';

describe('journal-filling control on a school counted by hand', () => {
  const {
    core,
    tiny: school,
    callers: { deputy, math },
  } = schoolFixture({ school: 'tiny', now: '2026-01-20T10:00:00', as: { deputy: 'zavuch', math: 'math' } });

  beforeAll(async () => {
    const w = writers(core.db.$client);
    const { assignments: a, kinds, users: u, students: s } = school;
    const at = '2025-08-20 10:00:00';
    const lesson = (
      assignment: number,
      date: string,
      topic: string | null,
      hw: string | null,
      entered: string | null,
      kind = kinds.lessonKind,
    ) => w.lesson(assignment, date, 1, topic, hw, kind, null, u.klruk, 'held', entered, entered, null, at);
    lesson(a.rus5, '2025-09-08', null, null, null); // no topic, no homework
    lesson(a.mat5, '2025-09-09', 'Дроби', '№ 12', '2025-09-09 19:30:00'); // after 17:00: late
    const control = lesson(
      a.mat5,
      '2025-09-10',
      'Контрольная работа № 1',
      'нет',
      '2025-09-10 14:00:00',
      kinds.controlKind,
    );
    for (const id of [s.A, s.B, s.C, s.D, s.E, s.F, s.G])
      w.mark(control, id, '4', null, kinds.controlKind, '2025-09-20 10:00:00', u.math); // 10 days: overdue
    lesson(a.eng5g1, '2025-09-11', 'Test 1', 'ex. 3', '2025-09-11 14:00:00', kinds.controlKind); // no marks at all: overdue
    const onTime = lesson(
      a.mat5,
      '2025-09-12',
      'Контрольная работа № 2',
      'нет',
      '2025-09-12 14:00:00',
      kinds.controlKind,
    );
    for (const id of [s.A, s.B]) w.mark(onTime, id, '5', null, kinds.controlKind, '2025-09-15 10:00:00', u.math);
    lesson(a.rus1, '2025-09-08', 'Буква А', null, '2025-09-08 12:00:00'); // 1st grade: no homework is right
    // Klruk gave every lesson here; the administration recorded those of the other journals as substitutions,
    // all but the maths control work of 12 September.
    core.db.$client
      .prepare(
        `insert into substitutions (lesson_id, absent_teacher_id, substitute_id, reason)
         select l.id, a.teacher_id, l.given_by_id, 'Курсы' from lessons l join assignments a on a.id = l.assignment_id
         where l.given_by_id <> a.teacher_id and l.date <> '2025-09-12'`,
      )
      .run();
  });

  async function control(caller: Caller, input: InputOf<typeof contract.reports.control>) {
    return (await caller.value(contract.reports.control, input)).data;
  }

  it('counts every fault of September per journal', async () => {
    const d = await control(deputy, { from: '2025-09-01', to: '2025-09-30' });
    const row = (cls: string, subject: string) =>
      d.rows.find((r) => r.className === cls && r.subjectName === subject && !r.subgroupName)!;
    expect(row('5А', 'Русский язык')).toMatchObject({
      lessons: 4,
      noTopic: 1,
      noHomework: 1,
      late: 0,
      controlWorks: 0,
      overdueControl: 0,
      noAttendance: 1, // 8 September: no absence and no «все присутствуют»; the fixture's lessons have absences
    });
    // Maths: 1, 2, 9, 10, 12 September held (3 September cancelled) — 5 of the 6 the timetable gave.
    // Marks in September: А and Б two, В … Ж one, Зайцева none (8 on the roll at some point of the month).
    // Both control works are overdue: the first marked late, the second only for А and Б of the 8 present.
    expect(row('5А', 'Математика')).toMatchObject({
      lessons: 5,
      noTopic: 0,
      late: 1,
      controlWorks: 2,
      overdueControl: 2,
      noAttendance: 3,
      lateEntries: 0,
      unrecordedSubstitutions: 1,
      students: 8,
      noMarksPct: 12.5,
      oneMarkPct: 62.5,
      belowMin: 8,
      scheduled: 6,
      given: 5,
      ktpHours: null,
    });
    const eng = d.rows.find((r) => r.className === '5А' && r.subgroupName === '1 группа')!;
    expect(eng).toMatchObject({ controlWorks: 1, overdueControl: 1, students: 4, noMarksPct: 100, notRussian: 1 });
    expect(row('1А', 'Русский язык')).toMatchObject({ lessons: 1, noHomework: 0, noMarksPct: null, belowMin: 0 });
    const none = 'посещаемость не отмечена';
    const work = (due: string) => `Контрольная работа (срок проверки 7 дн., до ${due})`;
    expect(d.problems.map((p) => [p.date, p.className, p.subjectName, p.problems.join('; ')])).toEqual([
      ['2025-09-01', '5А', 'Английский язык (2 группа)', none],
      ['2025-09-08', '1А', 'Русский язык', none],
      ['2025-09-08', '5А', 'Русский язык', `нет темы; нет домашнего задания; ${none}`],
      ['2025-09-09', '5А', 'Математика', `тема и д/з записаны позже 17:00 на 2 ч 30 мин; ${none}`],
      // Seven marks on 20 September at 10:00, 2 days 10 hours after 17 September ended; Зайцева none.
      [
        '2025-09-10',
        '5А',
        'Математика',
        `${none}; ${work('17.09.2025')}: нет отметки у 1 из 8 присутствовавших, у 7 из 8 отметки выставлены позже, последняя — на 2 дн. 10 ч`,
      ],
      [
        '2025-09-11',
        '5А',
        'Английский язык (1 группа)',
        `${none}; тема не на русском языке: «Test 1»; д/з не на русском языке: «ex. 3»; ${work('18.09.2025')}: нет отметки у 4 из 4 присутствовавших`,
      ],
      [
        '2025-09-12',
        '5А',
        'Математика',
        `${none}; ${work('19.09.2025')}: нет отметки у 6 из 8 присутствовавших; провёл Классова А. П., замена не записана`,
      ],
    ]);
    expect(d.problems[0]).toMatchObject({ periodId: school.periods.q1 });
    expect(d.teachers.find((t) => t.teacherName === 'Счётова А. П.')).toMatchObject({
      late: 1,
      overdueControl: 2,
      noAttendance: 3,
    });
  });

  it('shows a teacher only their own journals and refuses a range across years', async () => {
    const d = await control(math, { from: '2025-09-01', to: '2025-09-30' });
    expect(new Set(d.rows.map((r) => r.teacherName))).toEqual(new Set(['Счётова А. П.']));
    expect(await deputy.send(contract.reports.control, { from: '2025-10-01', to: '2025-09-01' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Начало периода позже его конца' },
    });
    expect(await deputy.send(contract.reports.control, { from: '2025-08-01', to: '2025-09-01' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  it('counts each teacher’s entries by the week they were made, and the weeks with lessons but no entry', async () => {
    // September 2025 starts on a Monday: five weeks, 1, 8, 15, 22 and 29 September.
    // Классова entered the topics of the fixture's eight lessons of 1–3 September (the cancelled one too) and,
    // in the week of 8 September, five of this file's lessons (the Russian lesson of 8 September has no topic).
    // Счётова set the control works' nine marks on 15 and 20 September. The absences were entered in August.
    const d = await control(deputy, { from: '2025-09-01', to: '2025-09-30' });
    expect(d.activity.weeks).toEqual(['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29']);
    // «Silent» weeks: lessons held in the teacher's journals but nothing entered by them — Счётова's maths of
    // 1–2 and 9–12 September, Инглишева's English of 1 and 11 September, Бритова's of 1 September.
    expect(d.activity.teachers.map((t) => [t.teacherName, t.byWeek, t.total, t.silentWeeks])).toEqual([
      ['Бритова А. П.', [0, 0, 0, 0, 0], 0, 1],
      ['Инглишева А. П.', [0, 0, 0, 0, 0], 0, 2],
      ['Классова А. П.', [8, 5, 0, 0, 0], 13, 0],
      ['Спортова А. П.', [0, 0, 0, 0, 0], 0, 0],
      ['Счётова А. П.', [0, 0, 9, 0, 0], 9, 2],
    ]);
    // Week by week: 1 September Счётова, Инглишева and Бритова; 8 September Счётова and Инглишева.
    expect(d.activity.silentByWeek).toEqual([3, 2, 0, 0, 0]);
    // A teacher sees the entries made in their own journals, whoever made them: Классова filled six maths lessons.
    const own = await control(math, { from: '2025-09-01', to: '2025-09-30' });
    expect(own.activity.teachers.map((t) => [t.teacherName, t.byWeek, t.silentWeeks])).toEqual([
      ['Классова А. П.', [3, 3, 0, 0, 0], 0],
      ['Счётова А. П.', [0, 0, 9, 0, 0], 2],
    ]);
  });

  it('writes the weekly activity into the workbook and the PDF', async () => {
    const params = { from: '2025-09-01', to: '2025-09-30' };
    const xlsx = await deputy.value(contract.reports.file, { report: 'control', params, format: 'xlsx' });
    const sheets = await readWorkbook(Buffer.from(xlsx.base64, 'base64'));
    const sheet = sheets.find((s) => s.name.startsWith('Активность учителей'))!;
    expect(sheet.rows.find((r) => r[0] === 'Классова А. П.')).toEqual(['Классова А. П.', 8, 5, 0, 0, 0, 13, 0]);
    expect(sheet.rows.find((r) => r[0] === 'Всего')).toEqual(['Всего', 8, 5, 9, 0, 0, 22, null]);
    const pdf = await deputy.value(contract.reports.file, { report: 'control', params, format: 'pdf' });
    const file = path.join(tempDir(), 'control.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(file);
    expect(text).toMatch(/Активность учителей по неделям/);
    expect(text).toMatch(/Счётова А\. П\.(\s+0){2}\s+9(\s+0){2}\s+9\s+2/);
  });
});
