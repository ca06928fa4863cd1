// The class teacher's report, movement, class fill, year outcomes and the parents' statement on the hand-built
// school (see tests/helpers/tiny-school.ts), with a departure order and year results added here.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp';

describe('class and school reports on a school counted by hand', () => {
  const {
    core,
    tiny: school,
    callers: { deputy, klruk, math },
  } = schoolFixture({
    school: 'tiny',
    now: '2026-01-20T10:00:00',
    as: { deputy: 'zavuch', klruk: 'klruk', math: 'math' },
  });
  const dir = tempDir();

  beforeAll(async () => {
    const w = writers(core.db.$client);
    const { students: s, classes: c, year, subjects } = school;
    core.db.$client.prepare("update students set gender = case when last_name like '%а' then 'f' else 'm' end").run();
    w.movement(
      s.H,
      'left',
      '2025-10-10',
      c.c5,
      null,
      '45-у',
      '2025-10-09',
      'в МБОУ СОШ № 3 г. Тверь',
      '2025-10-09 12:00:00',
      null,
    );
    w.outcome(s.A, year, 'promoted', '120', '2026-05-29');
    w.periodMark(s.F, subjects.rus, year, 'year', null, '2', null, '2025-12-28 10:00:00', null);
  });

  it('counts class fill on a date, before and after a departure', async () => {
    const before = (await deputy.value(contract.reports.fill, { date: '2025-10-01' })).data;
    expect(before.rows.map((r) => [r.className, r.students, r.boys, r.girls])).toEqual([
      ['1А', 2, 1, 1],
      ['5А', 8, 4, 4], // Алексеев, Васильев, Дмитриев, Жуков; Борисова, Григорьева, Егорова, Зайцева
      ['10А', 2, 1, 1],
    ]);
    const after = (await deputy.value(contract.reports.fill, { date: '2025-10-11' })).data;
    expect(after.rows[1]).toMatchObject({ className: '5А', students: 7, girls: 3 });
    const own = (await klruk.value(contract.reports.fill, { date: '2025-10-11' })).data;
    expect(own.rows.map((r) => r.className)).toEqual(['5А']);
    expect(await math.send(contract.reports.fill, { date: '2025-10-11' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('sums the year’s movement by class with the order, and the school by year', async () => {
    const d = (await deputy.value(contract.reports.movement, { yearId: school.year })).data;
    expect(d.classes.find((c) => c.className === '5А')).toEqual({
      className: '5А',
      atStart: 8,
      arrived: 0,
      left: 1,
      atEnd: 7,
    });
    expect(d.entries).toEqual([
      {
        date: '2025-10-10',
        name: 'Зайцева Иван',
        kind: 'выбыл',
        fromClass: '5А',
        toClass: null,
        order: 'приказ № 45-у от 09.10.2025',
        note: 'в МБОУ СОШ № 3 г. Тверь',
        cancelReason: null,
      },
    ]);
    expect(d.years).toEqual([{ yearName: '2025/2026', atStart: 12, arrived: 0, left: 1, atEnd: 11 }]);
  });

  it('lists the year’s outcome of each student with their debts', async () => {
    const d = (await klruk.value(contract.reports.outcomes, { classId: school.classes.c5 })).data;
    expect(d.rows).toHaveLength(7); // on the roll at the date (the year is still running: today)
    expect(d.rows.find((r) => r.name === 'Алексеев Иван')).toMatchObject({
      outcome: 'переведён',
      order: 'приказ № 120 от 29.05.2026',
      debts: [],
    });
    expect(d.rows.find((r) => r.name === 'Егорова Иван')).toMatchObject({ outcome: null, debts: ['Русский язык'] });
  });

  it('writes the parents’ statement of one student for a quarter, as PDF too', async () => {
    const input = { classId: school.classes.c5, studentId: school.students.F, periodId: school.periods.q1 };
    const d = (await klruk.value(contract.reports.statement, input)).data;
    expect(d.subjects.map((s) => [s.subjectName, s.periodMark])).toEqual([
      ['Русский язык', '2'],
      ['Математика', '3'],
      ['Английский язык', '3'],
    ]);
    // Егорова missed the only lesson of 15 October: one lesson, one whole day.
    expect(d.attendance).toMatchObject({ missed: 1, unexcused: 1, daysMissed: 1 });
    const pdf = await klruk.value(contract.reports.file, { report: 'statement', params: input, format: 'pdf' });
    const file = path.join(dir, 'statement.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    expect(pdfText(file)).toMatch(/Выписка оценок: Егорова Иван, 5А класс/);
    expect(await klruk.send(contract.reports.statement, { ...input, studentId: school.students.K })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('puts progress, attendance and movement of the class into the class teacher’s report', async () => {
    const input = { classId: school.classes.c5, periodId: school.periods.q1 };
    const d = (await klruk.value(contract.reports.classTeacher, input)).data;
    expect(d.progress.rows[0]).toMatchObject({ label: '5А', students: 7, successPct: 71.4, qualityPct: 42.9 });
    expect(d.bySubject.rows.map((r) => r.label)).toEqual([
      'Русский язык',
      'Математика',
      'Английский язык',
      'Физическая культура',
    ]);
    expect(d.attendance.reduce((sum, r) => sum + r.missed, 0)).toBe(10);
    expect(d.movement.map((m) => m.name)).toEqual(['Зайцева Иван']);
    const xlsx = await klruk.value(contract.reports.file, { report: 'classTeacher', params: input, format: 'xlsx' });
    const sheets = await readWorkbook(Buffer.from(xlsx.base64, 'base64'));
    expect(sheets.map((s) => s.name)).toEqual([
      'Итоги успеваемости класса 1',
      'Поимённо',
      'Итоги по предметам 1',
      'Посещаемость 5А класса',
      'Движение учащихся за период',
    ]);
    const moves = sheets.at(-1)!.rows;
    expect(moves.find((r) => r[1] === 'Зайцева Иван')).toEqual([
      '10.10.2025',
      'Зайцева Иван',
      'выбыл',
      '5А',
      null,
      'приказ № 45-у от 09.10.2025',
      'в МБОУ СОШ № 3 г. Тверь',
    ]);
    expect(await math.send(contract.reports.classTeacher, input)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});
