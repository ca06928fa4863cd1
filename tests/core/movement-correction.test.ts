import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { movementRegister } from '../../src/shared/contract/movement';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

// Correcting and cancelling movement orders on the tiny school (5А, plus a 5Б made here), on 10 November 2025.
describe('correcting and cancelling a movement order', () => {
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
  const l = { a1020: 0, b1022: 0, b1024: 0 };
  const order = { orderNumber: '50-у', orderDate: '2025-10-17' };
  const reason = 'ошибка при вводе';
  const stays = (studentId: number) =>
    sql
      .prepare(
        'select class_id as c, start_date as s, end_date as e from class_enrollments where student_id = ? order by start_date',
      )
      .all(studentId);
  const groups = (studentId: number) =>
    sql
      .prepare(
        'select subgroup_id as g, start_date as s, end_date as e from subgroup_members where student_id = ? order by start_date, subgroup_id',
      )
      .all(studentId);
  const snapshot = () =>
    JSON.stringify([
      sql.prepare('select * from class_enrollments order by id').all(),
      sql.prepare('select * from subgroup_members order by id').all(),
      sql.prepare('select * from student_movements order by id').all(),
      sql.prepare('select count(*) from students').get(),
    ]);
  beforeAll(async () => {
    const w = writers(sql);
    c5b = w.klass(t.year, 5, 'Б', 1, null);
    const mat5b = w.assignment(t.year, t.users.math, c5b, null, t.subjects.mat, 5);
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
    l.b1022 = lesson(mat5b, '2025-10-22');
    l.b1024 = lesson(mat5b, '2025-10-24');
  });

  it('moves a transfer’s date only where no recorded mark would be left outside the student’s journals', async () => {
    const C = t.students.C;
    const transfer = await secretary.value(contract.movement.transfer, {
      studentId: C,
      toClassId: c5b,
      date: '2025-10-21',
      ...order,
    });
    const movementId = transfer.movementId!;
    await math.value(contract.journal.setMark, { lessonId: l.a1020, studentId: C, value1: '5' });
    await math.value(contract.journal.setMark, { lessonId: l.b1022, studentId: C, value1: '3' });
    const before = snapshot();
    const correct = (date: string, extra: { orderNumber?: string } = {}) =>
      secretary.send(contract.movement.correct, { movementId, reason, date, toClassId: c5b, ...order, ...extra });
    // Earlier: his «5» of 20 October in 5А would be outside 5А's list; later: his «3» of 22 October in 5Б.
    expect(await correct('2025-10-20')).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('20.10.2025 Математика: отметка «5»') },
    });
    expect(await correct('2025-10-23')).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('22.10.2025 Математика: отметка «3»') },
    });
    expect(await correct('2025-10-21')).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'В приказе ничего не изменено' },
    });
    expect(await correct('2025-08-01')).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('в пределах 2025/2026 учебного года') },
    });
    expect(
      await secretary.send(contract.movement.correct, {
        movementId,
        reason: ' ',
        date: '2025-10-22',
        toClassId: c5b,
        ...order,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      await deputy.send(contract.movement.correct, {
        movementId,
        reason,
        date: '2025-10-22',
        toClassId: c5b,
        ...order,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(snapshot()).toBe(before);

    const corrected = await correct('2025-10-22', { orderNumber: '50/1-у' });
    if (!corrected.ok) throw new Error(corrected.error.message);
    const r = corrected.value;
    expect(r.message).toBe(
      'Приказ исправлен: Васильев Иван переведён(а) из 5А в 5Б класс с 22.10.2025: до 21.10.2025 — в журнале 5А, с 22.10.2025 — в журнале 5Б',
    );
    expect(stays(C)).toEqual([
      { c: t.classes.c5, s: '2025-09-01', e: '2025-10-21' },
      { c: c5b, s: '2025-10-22', e: null },
    ]);
    // Васильев was in the 1st English subgroup of 5А: it now ends the day before the corrected date too.
    expect(groups(C)).toEqual([{ g: expect.any(Number), s: '2025-09-01', e: '2025-10-21' }]);
    const audit = sql
      .prepare(`select old_value as o, new_value as n, reason from audit_log where action = 'movement.correct'`)
      .get() as { o: string; n: string; reason: string };
    expect(JSON.parse(audit.o)).toMatchObject({ movementId, date: '2025-10-21', orderNumber: '50-у' });
    expect(JSON.parse(audit.n)).toMatchObject({ movementId, date: '2025-10-22', orderNumber: '50/1-у' });
    expect(audit.reason).toBe(reason);
    expect(sql.prepare('select date, order_number as n from student_movements where id = ?').get(movementId)).toEqual({
      date: '2025-10-22',
      n: '50/1-у',
    });
  });

  it('cancels a transfer only once nothing is recorded in the new class, and puts the student back', async () => {
    const C = t.students.C;
    const { id: movementId } = sql.prepare(`select id from student_movements where student_id = ?`).get(C) as {
      id: number;
    };
    const before = snapshot();
    expect(await secretary.send(contract.movement.cancel, { movementId, reason })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringContaining('22.10.2025 Математика: отметка «3»') },
    });
    expect(snapshot()).toBe(before);
    await math.value(contract.journal.clearMark, { lessonId: l.b1022, studentId: C });
    const r = await secretary.value(contract.movement.cancel, { movementId, reason: 'приказ отменён' });
    expect(r.message).toBe(
      'Приказ № 50/1-у от 17.10.2025 отменён: Васильев Иван снова в 5А классе, из списка 5Б класса убран(а)',
    );
    expect(stays(C)).toEqual([{ c: t.classes.c5, s: '2025-09-01', e: null }]);
    expect(groups(C)).toEqual([{ g: expect.any(Number), s: '2025-09-01', e: null }]);
    expect(sql.prepare('select count(*) as n from student_movements where id = ?').get(movementId)).toEqual({ n: 0 });
    expect(sql.prepare(`select reason from audit_log where action = 'movement.cancel'`).get()).toEqual({
      reason: 'приказ отменён',
    });
    expect(await secretary.send(contract.movement.cancel, { movementId, reason })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: 'Такого приказа нет' },
    });
  });

  it('corrects the class of an arrival, and cancelling it removes the student who never came', async () => {
    const arrival = {
      kind: 'arrived' as const,
      lastName: 'Новиков',
      firstName: 'Пётр',
      classId: c5b,
      date: '2025-10-22',
      from: 'Лицей № 2',
      ...order,
    };
    const { movementId, studentId } = await secretary.value(contract.movement.arrive, arrival);
    const r = await secretary.value(contract.movement.correct, {
      movementId: movementId!,
      reason,
      date: '2025-10-23',
      toClassId: t.classes.c5,
      note: 'Лицей № 2',
      ...order,
    });
    expect(r.message).toBe('Приказ исправлен: Новиков Пётр прибыл(а) в 5А класс с 23.10.2025');
    expect(stays(studentId!)).toEqual([{ c: t.classes.c5, s: '2025-10-23', e: null }]);
    // In 5А he joins the English subgroup with fewer students, as any newcomer.
    expect(groups(studentId!)).toEqual([{ g: expect.any(Number), s: '2025-10-23', e: null }]);
    await secretary.value(contract.movement.cancel, { movementId: movementId!, reason });
    expect(sql.prepare('select count(*) as n from students where id = ?').get(studentId)).toEqual({ n: 0 });
    expect(groups(studentId!)).toEqual([]);
    // The register keeps the cancelled line, with its reason, out of the totals; it can't be picked again.
    const book = (await secretary.value(contract.movement.register, {})) as unknown as z.infer<typeof movementRegister>;
    expect(book.rows.filter((x) => x.name === 'Новиков Пётр')).toMatchObject([
      {
        id: movementId,
        kind: 'arrived',
        date: '2025-10-23',
        toClass: '5А',
        orderNumber: order.orderNumber,
        cancelReason: reason,
      },
    ]);
    const line = book.tables[0]!.rows.find((cells) => cells.includes('Новиков Пётр'))!;
    expect(line).toContain('прибыл — приказ отменён');
    expect(line).toContain(`Лицей № 2. Отменён: ${reason}`);
    const arrived = book.tables[1]!.columns.findIndex((c) => c.key === 'arrived');
    expect(book.tables[1]!.rows[0]![arrived]).toBe(
      book.rows.filter((x) => x.kind === 'arrived' && x.cancelReason === null).length,
    );
  });

  it('corrects and cancels a departure; an earlier order waits until the later one is undone', async () => {
    const B = t.students.B;
    const moved = await secretary.value(contract.movement.transfer, {
      studentId: B,
      toClassId: c5b,
      date: '2025-10-25',
      ...order,
    });
    const left = await secretary.value(contract.movement.leave, {
      studentId: B,
      date: '2025-11-01',
      to: 'Гимназия № 1',
      ...order,
    });
    expect(await secretary.send(contract.movement.cancel, { movementId: moved.movementId!, reason })).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message:
          'После этого приказа по ученику записан ещё один (приказ № 50-у от 17.10.2025, с 01.11.2025): сначала отмените или исправьте его',
      },
    });
    // The order number alone can still be corrected: nobody's stay changes.
    expect(
      await secretary.value(contract.movement.correct, {
        movementId: moved.movementId!,
        reason,
        date: '2025-10-25',
        toClassId: c5b,
        ...order,
        orderNumber: '51-у',
      }),
    ).toMatchObject({ message: expect.stringContaining('из 5А в 5Б класс с 25.10.2025') });
    expect(
      await secretary.send(contract.movement.correct, {
        movementId: left.movementId!,
        reason,
        date: '2025-10-25',
        ...order,
        note: 'Гимназия № 1',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Дата выбытия должна быть позже зачисления в 5Б класс (25.10.2025)' },
    });
    // Nothing recorded in 5Б after 29 October: the departure moves earlier, the 5Б stay ends the day before.
    await secretary.value(contract.movement.correct, {
      movementId: left.movementId!,
      reason,
      date: '2025-10-30',
      ...order,
      note: 'Гимназия № 1',
    });
    expect(stays(B)).toEqual([
      { c: t.classes.c5, s: '2025-09-01', e: '2025-10-24' },
      { c: c5b, s: '2025-10-25', e: '2025-10-29' },
    ]);
    await secretary.value(contract.movement.cancel, { movementId: left.movementId!, reason });
    expect(stays(B)).toEqual([
      { c: t.classes.c5, s: '2025-09-01', e: '2025-10-24' },
      { c: c5b, s: '2025-10-25', e: null },
    ]);
    await secretary.value(contract.movement.cancel, { movementId: moved.movementId!, reason });
    expect(stays(B)).toEqual([{ c: t.classes.c5, s: '2025-09-01', e: null }]);
  });

  it('leaves the orders of a closed year as they are', async () => {
    const { movementId } = await secretary.value(contract.movement.transfer, {
      studentId: t.students.D,
      toClassId: c5b,
      date: '2025-11-03',
      ...order,
    });
    sql
      .prepare(`insert into settings (key, value) values (?, ?)`)
      .run(
        `year.closed.${t.year}`,
        JSON.stringify({ closedAt: '2026-06-01 10:00:00', closedBy: 1, orderNumber: 'П-15', orderDate: '2026-05-29' }),
      );
    const before = snapshot();
    const locked = {
      ok: false,
      error: { kind: 'locked', message: expect.stringContaining('2025/2026 учебный год закрыт') },
    };
    expect(await secretary.send(contract.movement.cancel, { movementId: movementId!, reason })).toMatchObject(locked);
    expect(
      await secretary.send(contract.movement.correct, {
        movementId: movementId!,
        reason,
        date: '2025-11-04',
        toClassId: c5b,
        ...order,
      }),
    ).toMatchObject(locked);
    expect(snapshot()).toBe(before);
  });
});
