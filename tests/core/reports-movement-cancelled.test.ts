// The movement report («Отчёты» → Движение учащихся) lists a cancelled order as «Книга движения» does: marked
// «приказ отменён» with its reason, and out of the counts — on screen, in the workbook and in the PDF.
// The tiny school (5А) on 10 November 2025, with a secretary, a departure in force and an arrival
// entered and cancelled here.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract, type MovementData } from '../../src/shared/contract';
import { writers } from '../../src/core/demo/sql';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { schoolFixture } from '../helpers/school';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp';

describe('a cancelled order in the movement report', () => {
  const {
    core,
    tiny: t,
    callers: { secretary, deputy, klruk },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-11-10T10:00:00',
    accounts: { secretary: 'secretary' },
    as: { secretary: 'secretary', deputy: 'zavuch', klruk: 'klruk' },
  });
  const dir = tempDir();
  const reason = 'ошибка при вводе: ученик пришёл в другую школу';
  const arrival = {
    kind: 'arrived' as const,
    lastName: 'Новиков',
    firstName: 'Пётр',
    date: '2025-10-22',
    from: 'Лицей № 2',
    orderNumber: '50-у',
    orderDate: '2025-10-17',
  };
  const cancelled = {
    date: '2025-10-22',
    name: 'Новиков Пётр',
    kind: 'прибыл — приказ отменён',
    fromClass: null,
    toClass: '5А',
    order: 'приказ № 50-у от 17.10.2025',
    note: `Лицей № 2. Отменён: ${reason}`,
    cancelReason: reason,
  };
  const departure = {
    date: '2025-10-10',
    name: 'Зайцева Иван',
    kind: 'выбыл',
    fromClass: '5А',
    toClass: null,
    order: 'приказ № 45-у от 09.10.2025',
    note: 'в МБОУ СОШ № 3 г. Тверь',
    cancelReason: null,
  };

  const report = () => deputy.value(contract.reports.movement, {});
  const c5 = (d: MovementData) => d.classes.find((c) => c.className === '5А');

  beforeAll(async () => {
    const w = writers(core.db.$client);
    // Зайцева's stay in 5А already ends on 10 October (tiny-school.ts): her order, as reports-school.test.ts writes it.
    w.movement(
      t.students.H,
      'left',
      departure.date,
      t.classes.c5,
      null,
      '45-у',
      '2025-10-09',
      departure.note,
      '2025-10-09 12:00:00',
      null,
    );
  });

  it('counts the arrival while its order stands, and lists it marked, with the reason, once cancelled', async () => {
    const { movementId } = await secretary.value(contract.movement.arrive, {
      ...arrival,
      classId: t.classes.c5,
    });
    const before = (await report()).data;
    expect(c5(before)).toEqual({ className: '5А', atStart: 8, arrived: 1, left: 1, atEnd: 8 });
    expect(before.entries.map((e) => [e.name, e.kind, e.cancelReason])).toEqual([
      ['Зайцева Иван', 'выбыл', null],
      ['Новиков Пётр', 'прибыл', null],
    ]);

    await secretary.value(contract.movement.cancel, { movementId: movementId!, reason });
    const { data, tables } = await report();
    // The cancelled arrival stands in date order, worded as in the register; it moved no one, so the counts drop it.
    expect(data.entries).toEqual([departure, cancelled]);
    expect(c5(data)).toEqual({ className: '5А', atStart: 8, arrived: 0, left: 1, atEnd: 7 });
    expect(data.years).toEqual([{ yearName: '2025/2026', atStart: 12, arrived: 0, left: 1, atEnd: 11 }]);
    const orders = tables.find((x) => x.title === 'Приказы о движении учащихся')!;
    expect(orders.subtitle).toBe('Отменённый приказ остаётся в списке с причиной отмены и в итоги не входит.');
    expect(orders.rows[1]).toEqual([
      '22.10.2025',
      'Новиков Пётр',
      'прибыл — приказ отменён',
      null,
      '5А',
      'приказ № 50-у от 17.10.2025',
      `Лицей № 2. Отменён: ${reason}`,
    ]);
    expect(tables[0]!.total).toEqual(['Итого', 12, 0, 1, 11]);

    // The register reads the same line from the same place.
    const book = await secretary.value(contract.movement.register, {});
    expect(book.rows.filter((r) => r.cancelReason !== null).map((r) => [r.name, r.cancelReason])).toEqual([
      ['Новиков Пётр', reason],
    ]);
  });

  it('shows it to the class teacher of 5А, but keeps it out of the class teacher’s report of the quarter', async () => {
    const own = await klruk.value(contract.reports.movement, {});
    expect(own.data.entries).toEqual([departure, cancelled]);
    const quarter = await klruk.value(contract.reports.classTeacher, {
      classId: t.classes.c5,
      periodId: t.periods.q2,
    });
    expect(quarter.data.movement).toEqual([]);
  });

  it('writes it into the workbook and the PDF', async () => {
    const file = async (format: 'xlsx' | 'pdf') =>
      Buffer.from(
        (await deputy.value(contract.reports.file, { report: 'movement', params: {}, format })).base64,
        'base64',
      );
    const sheets = await readWorkbook(await file('xlsx'));
    const orders = sheets.find((s) => s.name === 'Приказы о движении учащихся')!;
    expect(orders.rows.find((r) => r[1] === 'Новиков Пётр')).toEqual([
      '22.10.2025',
      'Новиков Пётр',
      'прибыл — приказ отменён',
      null,
      '5А',
      'приказ № 50-у от 17.10.2025',
      `Лицей № 2. Отменён: ${reason}`,
    ]);

    const pdf = path.join(dir, 'movement.pdf');
    fs.writeFileSync(pdf, await file('pdf'));
    if (process.env.ZHURNAL_SCREENSHOTS)
      fs.copyFileSync(pdf, path.join(process.env.ZHURNAL_SCREENSHOTS, 'movement-report-cancelled.pdf'));
    // Cells wrap inside their columns: read the words back with the layout's spaces and line breaks squeezed out.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Отменённый приказ остаётся в списке с причиной отмены и в итоги не входит.');
    expect(text).toContain('Итого 12 0 1 11');
    const line = text.slice(text.indexOf('22.10.2025 Новиков Пётр'), text.indexOf('Динамика движения по школе'));
    for (const words of [
      'прибыл — приказ',
      'отменён',
      '5А',
      'приказ № 50-у от 17.10.2025',
      'Лицей № 2. Отменён: ошибка',
    ])
      expect(line).toContain(words);
  });
});
