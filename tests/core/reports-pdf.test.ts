// Report PDFs laid out on the demo school's real data: short tables share a page, the parents' statement of the
// busiest student of the longest quarter fits one A4 sheet, order numbers read once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type InputOf } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { pdfPageCount, pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/temp';

describe('report PDFs on the demo school', () => {
  const {
    core,
    callers: { director },
  } = schoolFixture({ school: 'demo', now: '2026-05-28T10:00:00', as: { director: 'director' } });
  const dir = tempDir();
  const sql = () => core.db.$client;

  async function pdf(request: InputOf<typeof contract.reports.file>, name: string): Promise<string> {
    const { base64 } = await director.value(contract.reports.file, request);
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return file;
  }

  it('fits the parents’ statement of the student with the most marks of the longest quarter on one page', async () => {
    const period = sql()
      .prepare(
        "select id, start_date as s, end_date as e from periods where scheme = 'quarters' order by julianday(end_date) - julianday(start_date) desc limit 1",
      )
      .get() as { id: number; s: string; e: string };
    // The busiest student: most marks, then most subjects, in that quarter.
    const busiest = sql()
      .prepare(
        `select m.student_id as studentId, a.class_id as classId, count(*) as marks, count(distinct a.subject_id) as subjects
         from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id
         where l.date between ? and ? group by m.student_id order by subjects desc, marks desc limit 1`,
      )
      .get(period.s, period.e) as { studentId: number; classId: number; marks: number; subjects: number };
    expect(busiest.marks).toBeGreaterThan(100); // a real quarter's load, not an empty sheet
    const params = { classId: busiest.classId, studentId: busiest.studentId, periodId: period.id };
    const file = await pdf({ report: 'statement', params, format: 'pdf' }, 'statement');
    expect(pdfPageCount(file)).toBe(1);
    const text = pdfText(file);
    expect(text).toMatch(/Выписка оценок: /);
    expect(text).toMatch(/Посещаемость/);
  });

  it('keeps the class teacher’s short tables together and writes each order number once', async () => {
    const cls = sql().prepare('select id from classes where grade = 5').get() as { id: number };
    const period = sql().prepare("select id from periods where scheme = 'quarters' and number = 2").get() as {
      id: number;
    };
    const report = await pdf(
      { report: 'classTeacher', params: { classId: cls.id, periodId: period.id }, format: 'pdf' },
      'class-teacher',
    );
    // Five tables (results, names, by subject with the counting rules under it, attendance, movement) kept whole on
    // three landscape pages, not five.
    expect(pdfPageCount(report)).toBe(3);
    const movement = pdfText(await pdf({ report: 'movement', params: {}, format: 'pdf' }, 'movement'));
    expect(movement).toMatch(/приказ № \d+-у от \d\d\.\d\d\.\d{4}/);
    expect(movement).not.toMatch(/№ №/);
  });

  it('sets subject names upright over narrow columns of marks instead of cutting them mid-word', async () => {
    const cls = sql().prepare('select id from classes where grade = 9').get() as { id: number };
    const text = pdfText(
      await pdf({ report: 'summarySheet', params: { classId: cls.id }, format: 'pdf' }, 'summary-sheet'),
      1,
    );
    expect(text).toMatch(/Обществознание/);
    expect(text).toMatch(/Информатика/);
  });

  it('writes every report file taken from the app to the audit log: who, which report, with what parameters', async () => {
    const cls = sql().prepare('select id from classes where grade = 9').get() as { id: number };
    const before = (
      sql().prepare("select count(*) as n from audit_log where action = 'report.export'").get() as { n: number }
    ).n;
    await pdf({ report: 'summarySheet', params: { classId: cls.id }, format: 'pdf' }, 'summary-audited');
    const entries = sql()
      .prepare(
        "select a.entity_id, a.new_value, u.login from audit_log a join users u on u.id = a.user_id where a.action = 'report.export' order by a.id",
      )
      .all() as { entity_id: string; new_value: string; login: string }[];
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({ entity_id: 'summarySheet', login: 'director' });
    expect(JSON.parse(entries.at(-1)!.new_value)).toEqual({ params: { classId: cls.id }, format: 'pdf' });
  });
});
