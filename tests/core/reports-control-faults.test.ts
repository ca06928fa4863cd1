// The usual faults of filling a journal, one lesson each, on the hand-built school in November (its own lessons
// are in September and October): the control report must name each one, and only those, as worked out here.
// The school's day ends at 17:00 (5А is on the first shift); control works are marked within 7 days; the school
// gives «Диктант» its own limit of 3 days here.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract, type InputOf } from '../../src/shared/contract';
import type { Caller } from '../helpers/core';
import { pdfText } from '../helpers/pdf';
import { schoolFixture } from '../helpers/school';
import { tempDir } from '../helpers/temp';

describe('the control report catches the usual faults', () => {
  const {
    core,
    tiny: school,
    callers: { deputy, math, klruk, admin },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-11-25T10:00:00',
    accounts: { admin: 'admin' },
    as: { deputy: 'zavuch', math: 'math', klruk: 'klruk', admin: 'admin' },
  });
  const range = { from: '2025-11-05', to: '2025-11-30' };

  beforeAll(async () => {
    // The school gives dictations a limit of their own; a limit outside 1–30 days is refused and changes nothing.
    const dictation = { name: 'Диктант', shortName: 'дикт', weight: 1.5, isControl: false, color: '#2f9e44' };
    expect(await admin.send(contract.structure.saveWorkKind, { ...dictation, markingDays: 0 })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('Срок проверки: от 1 до 30 дней') },
    });
    const { id: dictationKind } = await admin.value(contract.structure.saveWorkKind, { ...dictation, markingDays: 3 });
    const overview = await admin.value(contract.structure.overview, {});
    expect(overview.workKinds.map((k) => [k.name, k.markingDays])).toEqual([
      ['Ответ на уроке', null],
      ['Контрольная работа', null],
      ['Диктант', 3],
    ]);

    const w = writers(core.db.$client);
    const { assignments: a, kinds, users: u, students: s } = school;
    const at = '2025-08-20 10:00:00';
    const ahead = '2025-11-01 10:00:00'; // topics and homework put in from the КТП before the lessons
    const lesson = (
      assignment: number,
      date: string,
      topic: string,
      hw: string,
      entered: string,
      attendance: string | null,
      o: { kind?: number; status?: string; teacher?: number } = {},
    ) =>
      w.lesson(
        assignment,
        date,
        1,
        topic,
        hw,
        o.kind ?? kinds.lessonKind,
        null,
        o.teacher ?? u.math,
        o.status ?? 'held',
        entered,
        entered,
        attendance,
        at,
      );
    const mark = (l: number, student: number, value: string, kind: number, when: string, by = u.math) =>
      w.mark(l, student, value, null, kind, when, by);

    // Maths, 10 November: Б's mark two days and two hours late, В's absence the next morning (15 hours late).
    const m10 = lesson(a.mat5, '2025-11-10', 'Сложение дробей', '№ 5', '2025-11-10 14:00:00', '2025-11-10 09:00:00');
    mark(m10, s.A, '5', kinds.lessonKind, '2025-11-10 15:00:00');
    mark(m10, s.B, '4', kinds.lessonKind, '2025-11-12 19:00:00');
    w.absence(m10, s.C, 'н', '2025-11-11 08:00:00', u.math);
    // Maths, 11 November: its topic came from the КТП ahead, and nothing shows the lesson was held.
    lesson(a.mat5, '2025-11-11', 'Вычитание дробей', 'стр. 12', ahead, null, { status: 'planned' });
    // Maths, 12 November: the same, but held — its register taken the next morning, 16 hours after 17:00.
    lesson(a.mat5, '2025-11-12', 'Умножение дробей', 'стр. 14', ahead, '2025-11-13 09:00:00');
    // Maths, 13 November: a control work. Григорьева away ill, Дмитриев late (present): six present. А, Б, В
    // marked on the 15th, Егорова on the 19th, Дмитриев on the 22nd at noon (1 day 12 hours after the 20th
    // ended), Жуков not at all. Зайцева left in October: not on the roll.
    const control = lesson(
      a.mat5,
      '2025-11-13',
      'Контрольная работа № 3',
      'не задано',
      '2025-11-13 14:00:00',
      '2025-11-13 08:30:00',
      { kind: kinds.controlKind },
    );
    w.absence(control, s.D, 'б', '2025-11-13 08:30:00', u.math);
    w.absence(control, s.E, 'оп', '2025-11-13 08:30:00', u.math);
    for (const id of [s.A, s.B, s.C]) mark(control, id, '4', kinds.controlKind, '2025-11-15 10:00:00');
    mark(control, s.F, '3', kinds.controlKind, '2025-11-19 10:00:00');
    mark(control, s.E, '5', kinds.controlKind, '2025-11-22 12:00:00');
    // Maths, 17 and 24 November: filled in time, nothing to say.
    for (const date of ['2025-11-17', '2025-11-24'])
      lesson(a.mat5, date, 'Повторение', 'стр. 20', `${date} 12:00:00`, `${date} 08:00:00`);

    // Russian, 10 November: a dictation marked on the 14th at 10:00 — 10 hours after its 3 days (to the 13th).
    const d10 = lesson(a.rus5, '2025-11-10', 'Диктант', 'упр. 3', '2025-11-10 13:00:00', '2025-11-10 08:00:00', {
      kind: dictationKind,
      teacher: u.klruk,
    });
    for (const id of [s.A, s.B, s.C, s.D, s.E, s.F, s.G])
      mark(d10, id, '4', dictationKind, '2025-11-14 10:00:00', u.klruk);
    // Russian, 14 November: a dictation marked in time, Жуков's «н/а» on the last day at 20:00 counting as marked.
    const d14 = lesson(
      a.rus5,
      '2025-11-14',
      'Словарный диктант',
      'упр. 4',
      '2025-11-14 13:00:00',
      '2025-11-14 08:00:00',
      {
        kind: dictationKind,
        teacher: u.klruk,
      },
    );
    for (const id of [s.A, s.B, s.C, s.D, s.E, s.F]) mark(d14, id, '5', dictationKind, '2025-11-16 10:00:00', u.klruk);
    mark(d14, s.G, 'н/а', dictationKind, '2025-11-17 20:00:00', u.klruk);

    // Russian, 18 November: the КТП put its topic there two days later, and nothing shows the lesson was held.
    const plan = w.plan(a.rus5, at);
    const planTopic = w.topic(plan, 1, null, 'Причастие', 1, null);
    w.lesson(
      a.rus5,
      '2025-11-18',
      1,
      'Причастие',
      null,
      kinds.lessonKind,
      planTopic,
      u.klruk,
      'planned',
      '2025-11-20 10:00:00',
      null,
      null,
      at,
    );

    // English (1 группа): a topic in English; homework with no letters at all passes, homework in English does not.
    const eng = (date: string, topic: string, hw: string) =>
      lesson(a.eng5g1, date, topic, hw, `${date} 12:00:00`, `${date} 08:00:00`, { teacher: u.eng1 });
    eng('2025-11-11', 'Present Simple', '§ 5, № 12');
    eng('2025-11-13', 'Модальные глаголы can и must', 'Workbook p. 7');

    // The class teacher confirmed the attendance week of 10 November, not that of 17 November; the week of
    // 24 November is not over yet.
    await klruk.value(contract.attendance.confirmWeek, { classId: school.classes.c5, weekStart: '2025-11-10' });
  });

  async function control(caller: Caller, input: InputOf<typeof contract.reports.control> = range) {
    return (await caller.value(contract.reports.control, input)).data;
  }

  it('names each fault on its lesson, in words, and nothing else', async () => {
    const d = await control(deputy);
    expect(d.problems.map((p) => [p.date, p.subjectName, p.problems])).toEqual([
      [
        '2025-11-10',
        'Русский язык',
        ['Диктант (срок проверки 3 дн., до 13.11.2025): у 7 из 7 отметки выставлены позже, последняя — на 10 ч'],
      ],
      ['2025-11-10', 'Математика', ['внесено позже срока: отметок — 1, пропусков — 1; самое позднее — на 2 дн. 2 ч']],
      ['2025-11-11', 'Математика', ['тема внесена заранее, а урок не отмечен проведённым', 'посещаемость не отмечена']],
      ['2025-11-11', 'Английский язык (1 группа)', ['тема не на русском языке: «Present Simple»']],
      ['2025-11-12', 'Математика', ['тема внесена заранее, а урок отмечен проведённым позже 17:00 на 16 ч']],
      [
        '2025-11-13',
        'Математика',
        [
          'Контрольная работа (срок проверки 7 дн., до 20.11.2025): нет отметки у 1 из 6 присутствовавших, у 1 из 6 отметки выставлены позже, последняя — на 1 дн. 12 ч',
        ],
      ],
      ['2025-11-13', 'Английский язык (1 группа)', ['д/з не на русском языке: «Workbook p. 7»']],
      [
        '2025-11-18',
        'Русский язык',
        ['тема из КТП, а урок не отмечен проведённым', 'нет домашнего задания', 'посещаемость не отмечена'],
      ],
    ]);
  });

  it('counts the faults per journal and per teacher', async () => {
    const d = await control(deputy);
    const row = (subject: string, group: string | null = null) =>
      d.rows.find((r) => r.className === '5А' && r.subjectName === subject && r.subgroupName === group)!;
    expect(row('Математика')).toMatchObject({
      lessons: 6,
      noTopic: 1,
      noHomework: 0,
      late: 1,
      lateEntries: 1,
      noAttendance: 1,
      notRussian: 0,
      controlWorks: 1,
      overdueControl: 1,
    });
    expect(row('Русский язык')).toMatchObject({
      lessons: 3,
      noTopic: 1,
      noHomework: 1,
      noAttendance: 1,
      late: 0,
      controlWorks: 2,
      overdueControl: 1,
      lateEntries: 0,
    });
    expect(row('Английский язык', '1 группа')).toMatchObject({ lessons: 2, notRussian: 2, noAttendance: 0 });
    expect(d.teachers.find((t) => t.teacherName === 'Счётова А. П.')).toMatchObject({
      lessons: 6,
      noTopic: 1,
      late: 1,
      lateEntries: 1,
      noAttendance: 1,
      notRussian: 0,
      overdueControl: 1,
    });
  });

  it('lists the attendance weeks the class teacher left unconfirmed, to those who see the class', async () => {
    expect((await control(deputy)).unconfirmedWeeks).toEqual([
      { classId: school.classes.c5, className: '5А', classTeacherName: 'Классова А. П.', weeks: ['2025-11-17'] },
    ]);
    expect((await control(klruk)).unconfirmedWeeks.map((c) => c.className)).toEqual(['5А']);
    // A subject teacher is not the one to confirm them.
    expect((await control(math)).unconfirmedWeeks).toEqual([]);
  });

  it('writes the findings into the workbook and the PDF', async () => {
    const xlsx = await deputy.value(contract.reports.file, { report: 'control', params: range, format: 'xlsx' });
    const sheets = await readWorkbook(Buffer.from(xlsx.base64, 'base64'));
    const filling = sheets.find((s) => s.name.startsWith('Заполнение журналов'))!;
    expect(filling.rows.find((r) => r[0] === '5А Математика')).toEqual([
      '5А Математика',
      'Счётова А. П.',
      6,
      1,
      0,
      1,
      1,
      1,
      0,
      1,
      1,
      0,
    ]);
    const weeks = sheets.find((s) => s.name === 'Посещаемость не подтверждена')!;
    expect(weeks.rows.find((r) => r[0] === '5А')).toEqual(['5А', 'Классова А. П.', 1, 'с 17.11']);
    const pdf = await deputy.value(contract.reports.file, { report: 'control', params: range, format: 'pdf' });
    const file = path.join(tempDir(), 'control-faults.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Заполнение журналов');
    expect(text).toContain('Посещаемость не подтверждена');
    expect(text).toContain('тема не на русском языке: «Present Simple»');
  });
});
