// % успеваемости and % качества of everyone on the roll: the tiny school's 5А with four newcomers whose period
// marks are missing, «зач» only, a «1» and a «незач». Every figure is counted by hand below.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract, type ProgressRow } from '../../src/shared/contract';
import { pdfText } from '../helpers/pdf';
import { schoolFixture } from '../helpers/school';
import { tempDir } from '../helpers/temp';

describe('honest percentages: everyone on the roll counts', () => {
  const {
    core,
    tiny: school,
    callers: { deputy },
  } = schoolFixture({ school: 'tiny', now: '2026-01-20T10:00:00', as: { deputy: 'zavuch' } });
  const w = writers(core.db.$client);
  const at = '2025-10-20 10:00:00';
  const newcomer = (last: string) => {
    const id = w.student(last, 'Пётр', null, null, null, null, at);
    w.enrollment(id, school.classes.c5, '2025-10-20', null);
    return id;
  };
  const { year, subjects, assignments, periods } = school;
  const mark = (student: number, subject: number, assignment: number, value: string) =>
    w.periodMark(student, subject, year, 'period', periods.q1, value, assignment, at, null);
  newcomer('Иванова'); // no period mark at all
  const karpov = newcomer('Карпов'); // PE «зач» only
  const makarov = newcomer('Макаров'); // Russian «1»
  const novikova = newcomer('Новикова'); // Russian «5», PE «незач»
  mark(karpov, subjects.phys, assignments.pe5, 'зач');
  mark(makarov, subjects.rus, assignments.rus5, '1');
  mark(novikova, subjects.rus, assignments.rus5, '5');
  mark(novikova, subjects.phys, assignments.pe5, 'незач');

  const progress = async (level: 'class' | 'subject' | 'teacher') =>
    (await deputy.value(contract.reports.progress, { periodId: periods.q1, level, classId: school.classes.c5 })).data;
  const figures = (r: ProgressRow) => ({
    students: r.students,
    assessed: r.assessed,
    unmarked: r.unmarked,
    excellent: r.excellent,
    good: r.good,
    satisfactory: r.satisfactory,
    failing: r.failing,
    notAttested: r.notAttested,
    successPct: r.successPct,
    qualityPct: r.qualityPct,
  });

  it('divides by the whole class: the one without a mark, «1» and «незач» are not successful, «зач» only is', async () => {
    const data = await progress('class');
    const row = data.rows[0]!;
    // Roll on 26.10: the seven of tiny-school (A отличник; B, C хорошисты; D, E троечники; F «2»; G «н/а»)
    // and the four newcomers: 11. With a period mark: 10 (Иванова has none: «без отметки»).
    // Неуспевающие: F («2»), Макаров («1»), Новикова («незач»): 3. Not successful: those 3, G and Иванова: 5.
    // % успеваемости = (11 − 5) / 11 = 6 / 11 = 54.5 (A, B, C, D, E and Карпов with «зач» only);
    // % качества = (A, B, C) / 11 = 3 / 11 = 27.3 (Карпов's «зач» is no «4» or «5»; Новикова has a «незач»).
    expect(figures(row)).toEqual({
      students: 11,
      assessed: 10,
      unmarked: 1,
      excellent: 1,
      good: 2,
      satisfactory: 2,
      failing: 3,
      notAttested: 1,
      successPct: 54.5,
      qualityPct: 27.3,
    });
    // Grades counted: the tiny school's 7×«5», 7×«4», 5×«3», «2», «н/а» and Макаров's «1», Новикова's «5» and
    // «незач» (with «2»): 8×«5», 7×«4», 5×«3», 3×«2», 1×«н/а».
    expect([row.n5, row.n4, row.n3, row.n2, row.nNa]).toEqual([8, 7, 5, 3, 1]);
    expect(row.names.failing).toEqual(['Егорова Иван', 'Макаров Пётр', 'Новикова Пётр']);
    expect(data.total).toMatchObject({ students: 11, unmarked: 1, successPct: 54.5, qualityPct: 27.3 });
  });

  it('counts a subject over everyone who studies it, and a subgroup teacher over the subgroup', async () => {
    const bySubject = await progress('subject');
    const rus = bySubject.rows.find((r) => r.label === 'Русский язык')!;
    // Russian, the whole class (11): A 5, B 4, C 4, D 3, E 3, F 2, G н/а, Макаров 1, Новикова 5; Иванова and
    // Карпов have none. Successful: A, B, C, D, E, Новикова = 6 / 11 = 54.5; quality A, B, C, Новикова = 4 / 11 = 36.4.
    expect(figures(rus)).toEqual({
      students: 11,
      assessed: 9,
      unmarked: 2,
      excellent: 2,
      good: 2,
      satisfactory: 2,
      failing: 2,
      notAttested: 1,
      successPct: 54.5,
      qualityPct: 36.4,
    });
    const pe = bySubject.rows.find((r) => r.label === 'Физическая культура')!;
    // PE (11): A зач, G осв, Карпов зач — successful, not quality; Новикова незач — failing; 7 without a mark.
    // % успеваемости = 3 / 11 = 27.3; % качества = 0.
    expect(figures(pe)).toMatchObject({ students: 11, assessed: 4, unmarked: 7, failing: 1, successPct: 27.3 });
    expect(pe.qualityPct).toBe(0);

    const byTeacher = await progress('teacher');
    // The newcomers are in no English subgroup: Инглишева's group is still A, B, C, D, all «5».
    const first = byTeacher.rows.find((r) => r.label === 'Инглишева А. П.')!;
    expect(figures(first)).toMatchObject({ students: 4, unmarked: 0, successPct: 100, qualityPct: 100 });
    // Спортова teaches PE to the whole class: the same figures as the subject.
    const pe2 = byTeacher.rows.find((r) => r.label === 'Спортова А. П.')!;
    expect(figures(pe2)).toEqual(figures(pe));
  });

  it('says how it counts under the table, on screen, in the PDF and in the workbook', async () => {
    const { tables } = await deputy.value(contract.reports.progress, { periodId: periods.q1, level: 'class' });
    expect(tables[0]!.notes?.join(' ')).toMatch(/от всех учеников по списку/);
    expect(tables[0]!.notes?.join(' ')).toMatch(/только с «зач»\/«осв» успевающий, но не в качестве/);
    const dir = tempDir();
    const params = { periodId: periods.q1, level: 'class' as const };
    const pdf = await deputy.value(contract.reports.file, { report: 'progress', params, format: 'pdf' });
    const file = path.join(dir, 'progress.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toMatch(/Без отм\./);
    expect(text).toMatch(/только с «зач»\/«осв» успевающий, но не в качестве/);
    const xlsx = await deputy.value(contract.reports.file, { report: 'progress', params, format: 'xlsx' });
    const [sheet] = await readWorkbook(Buffer.from(xlsx.base64, 'base64'));
    const cells = sheet!.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(cells.some((c) => c.includes('ученик без отметки за период («Без отм.») не успевающий'))).toBe(true);
  });
});
