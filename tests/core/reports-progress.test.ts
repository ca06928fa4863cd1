// Итоги успеваемости and the summary sheet on the hand-built school: every figure below is counted by hand
// from tests/helpers/tiny-school.ts, not by the code under test.
import { describe, expect, it } from 'vitest';
import type { ProgressRow } from '../../src/shared/contract';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract, type InputOf } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

describe('progress results on a school counted by hand', () => {
  const {
    tiny: school,
    callers: { deputy, klruk, eng1 },
  } = schoolFixture({
    school: 'tiny',
    now: '2026-01-20T10:00:00',
    as: { deputy: 'zavuch', klruk: 'klruk', eng1: 'eng1' },
  });

  async function progress(caller = deputy, input: InputOf<typeof contract.reports.progress>) {
    return (await caller.value(contract.reports.progress, input)).data;
  }
  const figures = (r: ProgressRow) => ({
    students: r.students,
    assessed: r.assessed,
    unmarked: r.unmarked,
    excellent: r.excellent,
    good: r.good,
    oneFour: r.oneFour,
    oneThree: r.oneThree,
    satisfactory: r.satisfactory,
    failing: r.failing,
    notAttested: r.notAttested,
    successPct: r.successPct,
    qualityPct: r.qualityPct,
    souPct: r.souPct,
    average: r.average,
  });

  it('counts 5А in the 1st quarter: the one who left is not on the roll, «зач» and «осв» carry no grade', async () => {
    const data = await progress(deputy, { periodId: school.periods.q1, level: 'class', classId: school.classes.c5 });
    expect(data.rows).toHaveLength(1);
    const row = data.rows[0]!;
    // Roll on 26.10: Алексеев … Жуков (7); Зайцева left on 10.10. Отличник А; хорошисты B, C (B with one «4»);
    // троечники D, E (D with one «3»); неуспевающая F («2»); G not attested («н/а» in Russian).
    // % успеваемости = (7 − F − G) / 7 = 71.4; % качества = (A, B, C) / 7 = 42.9.
    // Marks: 7×«5», 7×«4», 5×«3», 1×«2», 1×«н/а» (21): СОУ = (7 + 7·0.64 + 5·0.36 + 0.16 + 0.07) / 21 = 64.3 %;
    // средний балл = (35 + 28 + 15 + 2) / 20 = 4.00.
    expect(figures(row)).toEqual({
      students: 7,
      assessed: 7,
      unmarked: 0,
      excellent: 1,
      good: 2,
      oneFour: 1,
      oneThree: 1,
      satisfactory: 2,
      failing: 1,
      notAttested: 1,
      successPct: 71.4,
      qualityPct: 42.9,
      souPct: 64.3,
      average: 4,
    });
    expect([row.n5, row.n4, row.n3, row.n2, row.nNa]).toEqual([7, 7, 5, 1, 1]);
    expect(row.names.excellent).toEqual(['Алексеев Иван']);
    expect(row.names.oneFour).toEqual(['Борисова Иван']);
    expect(row.names.oneThree).toEqual(['Григорьева Иван']);
    expect(row.names.failing).toEqual(['Егорова Иван']);
    expect(row.names.notAttested).toEqual(['Жуков Иван']);
  });

  it('counts a subject and a subgroup teacher by the marks in it', async () => {
    const bySubject = await progress(deputy, {
      periodId: school.periods.q1,
      level: 'subject',
      classId: school.classes.c5,
    });
    const rus = bySubject.rows.find((r) => r.label === 'Русский язык')!;
    // 5, 4, 4, 3, 3, 2, н/а: успеваемость 5/7, качество 3/7, СОУ (1 + 1.28 + 0.72 + 0.16 + 0.07) / 7 = 46.1, средний 21/6 = 3.5.
    expect(figures(rus)).toMatchObject({
      students: 7,
      assessed: 7,
      excellent: 1,
      good: 2,
      failing: 1,
      notAttested: 1,
      successPct: 71.4,
      qualityPct: 42.9,
      souPct: 46.1,
      average: 3.5,
    });
    // PE is taught to the whole class (7 on the roll), but only A («зач») and G («осв») have a mark: both are
    // successful and not in the quality; the other five have no mark yet and are not successful.
    // % успеваемости = 2 / 7 = 28.6; % качества = 0 / 7 = 0; no grade, so no СОУ and no average.
    const pe = bySubject.rows.find((r) => r.label === 'Физическая культура')!;
    expect(figures(pe)).toMatchObject({
      students: 7,
      assessed: 2,
      unmarked: 5,
      successPct: 28.6,
      qualityPct: 0,
      souPct: null,
      average: null,
    });
    expect(bySubject.rows.map((r) => r.label)).toEqual([
      'Русский язык',
      'Математика',
      'Английский язык',
      'Физическая культура',
    ]);

    const byTeacher = await progress(deputy, {
      periodId: school.periods.q1,
      level: 'teacher',
      classId: school.classes.c5,
    });
    const first = byTeacher.rows.find((r) => r.label === 'Инглишева А. П.')!; // group 1: A, B, C, D all «5»
    const second = byTeacher.rows.find((r) => r.label === 'Бритова А. П.')!; // group 2: E «4», F «3», G «4»
    expect(figures(first)).toMatchObject({ students: 4, excellent: 4, qualityPct: 100, average: 5 });
    expect(figures(second)).toMatchObject({
      students: 3,
      good: 2,
      satisfactory: 1,
      oneThree: 1,
      qualityPct: 66.7,
      successPct: 100,
    });
  });

  it('adds a 1st grade to the roll but not to the percentages; 10А joins only in the 2nd quarter', async () => {
    const q1 = await progress(deputy, { periodId: school.periods.q1, level: 'grade' });
    // 1А's two are on the roll but get no marks at all: not counted as «без отметки», not in the percentages.
    expect(q1.rows.map((r) => [r.label, r.students, r.assessed, r.unmarked])).toEqual([
      ['1 классы', 2, 0, 0],
      ['5 классы', 7, 7, 0],
    ]);
    expect(q1.rows[0]!.successPct).toBeNull();
    expect(figures(q1.total)).toMatchObject({ students: 9, assessed: 7, successPct: 71.4, qualityPct: 42.9 });

    const q2 = await progress(deputy, { periodId: school.periods.q2, level: 'class' });
    const tenth = q2.rows.find((r) => r.label === '10А')!;
    // Кузнецов 5, 5 — отличник; Лебедева 4, 2 — неуспевающая. Marks 5, 5, 4, 2: СОУ (2 + 0.64 + 0.16)/4 = 70.0.
    expect(figures(tenth)).toMatchObject({
      students: 2,
      assessed: 2,
      excellent: 1,
      failing: 1,
      successPct: 50,
      qualityPct: 50,
      souPct: 70,
      average: 4,
    });
  });

  it('shows a subject teacher only the marks they set, and a class teacher their class', async () => {
    const own = await progress(eng1, { periodId: school.periods.q1, level: 'class' });
    expect(own.rows.map((r) => [r.label, r.students, r.excellent])).toEqual([['5А', 4, 4]]);
    const foreign = await eng1.send(contract.reports.summarySheet, { classId: school.classes.c5 });
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const mine = await progress(klruk, { periodId: school.periods.q1, level: 'class', classId: school.classes.c5 });
    expect(mine.rows[0]!.students).toBe(7);
    expect(
      await klruk.send(contract.reports.progress, { periodId: school.periods.q1, classId: school.classes.c10 }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('lays out the summary sheet: everyone who was in the class, a column per subject, a sheet per term', async () => {
    const { data, tables } = await klruk.value(contract.reports.summarySheet, { classId: school.classes.c5 });
    expect(data.rows.map((r) => r.name)).toHaveLength(8);
    expect(data.rows.at(-1)).toMatchObject({ number: 8, name: 'Зайцева Иван', marks: {} });
    expect(data.terms.map((t) => t.name)).toEqual(['1 четверть', '2 четверть', 'Год']);
    expect(data.rows[6]!.marks[String(school.subjects.rus)]).toEqual({ [`p${school.periods.q1}`]: 'н/а' });
    expect(tables).toHaveLength(1); // only the 1st quarter has marks
    expect(tables[0]!.rows[0]).toEqual([1, 'Алексеев Иван', '5', '5', '5', 'зач']);
  });

  it('writes the same rows into an XLSX workbook, numbers as numbers', async () => {
    const result = await deputy.send(contract.reports.file, {
      report: 'progress',
      params: { periodId: school.periods.q1, level: 'class' },
      format: 'xlsx',
    });
    if (!result.ok) throw new Error(result.error.message);
    const file = result.value;
    expect(file.fileName).toMatch(/^Итоги успеваемости .*\.xlsx$/);
    const sheets = await readWorkbook(Buffer.from(file.base64, 'base64'));
    const rows = sheets[0]!.rows;
    const header = rows.findIndex((r) => r[0] === 'Класс');
    expect(rows[header]).toEqual([
      'Класс',
      'Уч-ся',
      'Аттест.',
      'Без отм.',
      'На «5»',
      'На «4» и «5»',
      'С одной «4»',
      'С одной «3»',
      'С «3»',
      'Неусп.',
      'Н/а',
      '% успев.',
      '% кач.',
      'СОУ, %',
      'Ср. балл',
    ]);
    expect(rows[header + 1]).toEqual(['1А', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null]);
    expect(rows[header + 2]).toEqual(['5А', 7, 7, 0, 1, 2, 1, 1, 2, 1, 1, 71.4, 42.9, 64.3, 4]);
    expect(rows[header + 3]?.[0]).toBe('Итого');
    expect(sheets.map((s) => s.name)).toContain('Поимённо');
  });

  it('refuses a bad period with a Russian message, and a level the contract does not know', async () => {
    expect(await deputy.send(contract.reports.progress, { periodId: 9999, level: 'class' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: 'Такого периода нет' },
    });
    expect(await deputy.invoke('reports:progress', { periodId: school.periods.q1, level: 'никакой' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });
});
