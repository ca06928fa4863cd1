import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

// Student movement on the hand-built tiny school (5А, plus a 5Б made here), on 10 November 2025.
describe('student movement by order', () => {
  const {
    tiny: t,
    sql,
    callers: { secretary, deputy, math },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-11-10T10:00:00',
    accounts: { secretary: 'secretary' },
    as: { secretary: 'secretary', deputy: 'zavuch', math: 'math' },
  });
  let c5b = 0;
  let mat5b = 0;
  const l = { a1020: 0, a1022: 0, b1022: 0, a1105: 0 };
  const order = { orderNumber: '45-у', orderDate: '2025-10-17' };
  const grid = (assignmentId: number, periodId: number) =>
    math.value(contract.journal.grid, { assignmentId, periodId });
  const studentsOf = async (assignmentId: number, periodId: number) => (await grid(assignmentId, periodId)).students;

  beforeAll(async () => {
    const w = writers(sql);
    c5b = w.klass(t.year, 5, 'Б', 1, null);
    mat5b = w.assignment(t.year, t.users.math, c5b, null, t.subjects.mat, 5);
    const lesson = (a: number, date: string) =>
      w.lesson(
        a,
        date,
        2,
        'Тема',
        null,
        t.kinds.lessonKind,
        null,
        t.users.math,
        'held',
        null,
        null,
        null,
        '2025-08-20 10:00:00',
      );
    l.a1020 = lesson(t.assignments.mat5, '2025-10-20');
    l.a1022 = lesson(t.assignments.mat5, '2025-10-22');
    l.b1022 = lesson(mat5b, '2025-10-22');
    l.a1105 = lesson(t.assignments.mat5, '2025-11-05');
  });

  it('refuses a transfer that would leave marks behind in the old journal, and names them', async () => {
    expect(
      await math.send(contract.journal.setMark, { lessonId: l.a1022, studentId: t.students.C, value1: '4' }),
    ).toMatchObject({ ok: true });
    const before = sql.prepare('select count(*) as n from class_enrollments').get();
    const r = await secretary.send(contract.movement.transfer, {
      studentId: t.students.C,
      toClassId: c5b,
      date: '2025-10-20',
      ...order,
    });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!r.ok) expect(r.error.message).toContain('22.10.2025 Математика: отметка «4»');
    expect(sql.prepare('select count(*) as n from class_enrollments').get()).toEqual(before);
    expect(await math.send(contract.journal.clearMark, { lessonId: l.a1022, studentId: t.students.C })).toMatchObject({
      ok: true,
    });
  });

  it('moves a student to 5Б from a date: 5А’s journal holds him to the day before, 5Б’s from the date', async () => {
    const C = t.students.C;
    expect(await math.send(contract.journal.setMark, { lessonId: l.a1020, studentId: C, value1: '5' })).toMatchObject({
      ok: true,
    });
    const r = await secretary.send(contract.movement.transfer, {
      studentId: C,
      toClassId: c5b,
      date: '2025-10-21',
      ...order,
    });
    expect(r).toMatchObject({ ok: true, value: { message: expect.stringContaining('из 5А в 5Б') } });
    expect((await studentsOf(t.assignments.mat5, t.periods.q1)).find((s) => s.id === C)).toMatchObject({
      activeFrom: null,
      activeTo: '2025-10-20',
    });
    expect((await studentsOf(mat5b, t.periods.q1)).find((s) => s.id === C)).toMatchObject({
      activeFrom: '2025-10-21',
      activeTo: null,
    });
    // The 2nd quarter of 5А no longer lists him; his mark of 20 October stays in 5А's journal.
    expect((await studentsOf(t.assignments.mat5, t.periods.q2)).some((s) => s.id === C)).toBe(false);
    const q1 = await grid(t.assignments.mat5, t.periods.q1);
    expect(q1.marks.some((m) => m.lessonId === l.a1020 && m.studentId === C)).toBe(true);
    expect(await math.send(contract.journal.setMark, { lessonId: l.a1022, studentId: C, value1: '4' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await math.send(contract.journal.setMark, { lessonId: l.b1022, studentId: C, value1: '4' })).toMatchObject({
      ok: true,
    });
    // English: his 1st-group membership ends with his stay in 5А.
    expect(sql.prepare('select end_date as e from subgroup_members where student_id = ?').all(C)).toEqual([
      { e: '2025-10-20' },
    ]);
  });

  it('refuses a departure dated before entries already made, and records one dated after them', async () => {
    const D = t.students.D; // absent («н») from Russian on 3 September
    const early = await secretary.send(contract.movement.leave, {
      studentId: D,
      date: '2025-09-02',
      to: 'МБОУ СОШ № 2 г. Тверь',
      ...order,
    });
    expect(early).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('03.09.2025 Русский язык: пропуск «н»') },
    });
    expect(
      await secretary.send(contract.movement.leave, { studentId: D, date: '2025-11-06', to: '', ...order }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      await secretary.send(contract.movement.leave, {
        studentId: D,
        date: '2025-11-06',
        to: 'МБОУ СОШ № 2 г. Тверь',
        ...order,
      }),
    ).toMatchObject({ ok: true });
    expect((await studentsOf(t.assignments.mat5, t.periods.q2)).find((s) => s.id === D)).toMatchObject({
      activeTo: '2025-11-05',
    });
    expect(
      await secretary.send(contract.movement.leave, { studentId: D, date: '2025-11-08', to: 'куда-то', ...order }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('уже выбыл из 5А класса с 06.11.2025') },
    });
  });

  it('enrols an arrival from another school into the class and into the smaller subgroup', async () => {
    const base = { lastName: 'Новиков', firstName: 'Пётр', classId: t.classes.c5, date: '2025-11-10', ...order };
    expect(await secretary.send(contract.movement.arrive, base)).toMatchObject({
      ok: false,
      error: { message: 'Укажите, откуда прибыл ученик' },
    });
    expect(
      await secretary.send(contract.movement.arrive, { ...base, from: 'Лицей № 1', orderNumber: ' ' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      await secretary.send(contract.movement.arrive, { ...base, from: 'Лицей № 1', date: '2026-07-01' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('в пределах 2025/2026') } });
    const { studentId: id } = await secretary.value(contract.movement.arrive, { ...base, from: 'Лицей № 1' });
    expect((await studentsOf(t.assignments.mat5, t.periods.q2)).find((s) => s.id === id)).toMatchObject({
      activeFrom: '2025-11-10',
    });
    // On 10 November the 1st group has Алексеев and Борисова (Васильев and Григорьева are gone), the 2nd three.
    const groups = sql
      .prepare('select g.name from subgroup_members m join subgroups g on g.id = m.subgroup_id where m.student_id = ?')
      .all(id);
    expect(groups).toEqual([{ name: '1 группа' }]);
  });

  it('moves a student between subgroups from a date, keeping the history', async () => {
    const { classes } = await secretary.value(contract.movement.classes, {});
    const five = classes.find((c) => c.name === '5А');
    const g1 = five?.subgroups.find((g) => g.name === '1 группа');
    expect(
      await secretary.send(contract.movement.changeSubgroup, {
        studentId: t.students.E,
        toSubgroupId: g1!.id,
        date: '2025-11-10',
        ...order,
      }),
    ).toMatchObject({ ok: true });
    expect(
      sql
        .prepare(
          'select g.name, m.start_date as s, m.end_date as e from subgroup_members m join subgroups g on g.id = m.subgroup_id where m.student_id = ? order by m.id',
        )
        .all(t.students.E),
    ).toEqual([
      { name: '2 группа', s: '2025-09-01', e: '2025-11-09' },
      { name: '1 группа', s: '2025-11-10', e: null },
    ]);
  });

  it('follows the dates in the movement report and lists every order in the register, on screen and in XLSX', async () => {
    const { classes } = (await deputy.value(contract.reports.movement, {})).data;
    expect(classes.find((c) => c.className === '5А')).toMatchObject({ arrived: 1, left: 3, atEnd: 6 }); // Зайцева, Васильев, Григорьева left; Новиков came
    expect(classes.find((c) => c.className === '5Б')).toMatchObject({ arrived: 1, left: 0, atEnd: 1 });

    const { rows } = await deputy.value(contract.movement.register, {});
    expect(rows.map((r) => [r.kind, r.fromClass, r.toClass, r.note])).toEqual([
      ['transferred', '5А', '5Б', null],
      ['left', '5А', null, 'МБОУ СОШ № 2 г. Тверь'],
      ['arrived', null, '5А', 'Лицей № 1'],
    ]);
    const file = await deputy.value(contract.movement.registerFile, { params: {}, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const texts = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(texts).toContain('Новиков Пётр');
    expect(texts).toContain('Лицей № 1');
  });

  it('lets the secretary and the admin enter orders, the administration read them, and nobody else', async () => {
    expect(
      await deputy.send(contract.movement.leave, { studentId: t.students.A, date: '2025-11-10', to: 'x', ...order }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await math.send(contract.movement.register, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
