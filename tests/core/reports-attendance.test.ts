// Attendance reports on the hand-built school: the expected figures are counted from the absences written
// in tests/helpers/tiny-school.ts (see the comments there).
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp';
import fs from 'node:fs';
import path from 'node:path';

describe('attendance reports on a school counted by hand', () => {
  const {
    tiny: school,
    callers: { klruk, math },
  } = schoolFixture({ school: 'tiny', now: '2026-01-20T10:00:00', as: { klruk: 'klruk', math: 'math' } });

  const month = (m: string) => klruk.value(contract.reports.attendanceMonth, { classId: school.classes.c5, month: m });

  it('counts September by student: whole days only when every lesson of the day was missed', async () => {
    const { data } = await month('2025-09');
    // Cancelled maths on 3 September is not a lesson; the subgroup's English is only its members' lesson.
    expect(data.schoolDays).toEqual(['2025-09-01', '2025-09-02', '2025-09-03']);
    const by = Object.fromEntries(data.rows.map((r) => [r.name.split(' ')[0], r]));
    expect(data.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Алексеев: 3 lessons on 1.09 (русский, математика, английский 1 гр.), 2 on 2.09, 1 on 3.09 = 6, all of 1.09 ill.
    expect(by['Алексеев']).toMatchObject({
      lessons: 6,
      missed: 3,
      illness: 3,
      excused: 0,
      unexcused: 0,
      late: 0,
      daysMissed: 1,
      daysIllness: 1,
      byDay: { '2025-09-01': 3 },
    });
    // Дмитриев: two of the three lessons of 1.09 without reason: not a whole day.
    expect(by['Дмитриев']).toMatchObject({ missed: 2, unexcused: 2, daysMissed: 0 });
    // Борисова: late for русский (present), maths excused.
    expect(by['Борисова']).toMatchObject({ missed: 1, excused: 1, late: 1, daysMissed: 0 });
    // Зайцева (left on 10.10): both lessons of 2.09 excused — a whole day.
    expect(by['Зайцева']).toMatchObject({ missed: 2, excused: 2, daysMissed: 1, daysIllness: 0 });
    // Григорьева: 3.09 had one lesson held, and she missed it.
    expect(by['Григорьева']).toMatchObject({ lessons: 6, missed: 1, unexcused: 1, daysMissed: 1 });
    expect(by['Васильев']).toMatchObject({ lessons: 6, missed: 0, daysMissed: 0 });
  });

  it('keeps the student who left on 10.10 in October with no lessons, and counts a one-lesson day', async () => {
    const { data, tables } = await month('2025-10');
    // She was on the roll for part of October, but the only October lesson is on 15.10: nothing due, nothing missed.
    expect(data.rows.find((r) => r.name === 'Зайцева Иван')).toMatchObject({ lessons: 0, missed: 0, daysMissed: 0 });
    const egorova = data.rows.find((r) => r.name === 'Егорова Иван')!;
    expect(egorova).toMatchObject({ lessons: 1, missed: 1, unexcused: 1, daysMissed: 1 });
    expect(tables[0]!.total).toEqual([null, 'Итого', 1, 1, 0, 0, 1, 0, 1]);
  });

  it('sums the year by month for the class', async () => {
    const { data } = await klruk.value(contract.reports.attendanceYear, { classId: school.classes.c5 });
    expect(data.months[0]).toBe('2025-09');
    expect(data.months.at(-1)).toBe('2026-05');
    expect(data.byMonth[0]).toEqual({ month: '2025-09', illness: 3, excused: 3, unexcused: 3 });
    expect(data.byMonth[1]).toEqual({ month: '2025-10', illness: 0, excused: 0, unexcused: 1 });
    const total = data.rows.reduce((s, r) => s + r.missed, 0);
    expect(total).toBe(10);
    expect(data.rows.find((r) => r.name === 'Зайцева Иван')).toMatchObject({
      missed: 2,
      daysMissed: 1,
      months: expect.arrayContaining([{ missed: 2, daysMissed: 1 }]),
    });
  });

  it('refuses attendance of a class to a teacher who is not its class teacher', async () => {
    expect(
      await math.send(contract.reports.attendanceMonth, { classId: school.classes.c5, month: '2025-09' }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(
      await klruk.send(contract.reports.attendanceMonth, { classId: school.classes.c5, month: '2025-13' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('writes the month as XLSX and PDF with the same rows', async () => {
    const { tables } = await month('2025-09');
    const xlsx = await klruk.value(contract.reports.file, {
      report: 'attendanceMonth',
      params: { classId: school.classes.c5, month: '2025-09' },
      format: 'xlsx',
    });
    const sheet = (await readWorkbook(Buffer.from(xlsx.base64, 'base64')))[0]!;
    const header = sheet.rows.findIndex((r) => r[0] === '№');
    expect(sheet.rows.slice(header + 1, header + 1 + tables[0]!.rows.length)).toEqual(tables[0]!.rows);

    const pdf = await klruk.value(contract.reports.file, {
      report: 'attendanceMonth',
      params: { classId: school.classes.c5, month: '2025-09' },
      format: 'pdf',
    });
    const file = path.join(tempDir(), 'month.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(file);
    expect(text).toContain('Посещаемость 5А класса: сентябрь 2025');
    expect(text).toMatch(/1\s+Алексеев Иван\s+3\s+3\s+3/);
    expect(text).toContain('Зайцева Иван');
  });
});
