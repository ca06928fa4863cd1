// Substitutions recorded by the administration, on the hand-built school (tests/helpers/tiny-school.ts). Today is
// 2 September 2025. Klruk teaches 5А Russian: lessons on 1, 2, 3 September (and 15 October); math's maths of
// 1 September was given by klruk, 3 September's was not held.
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { contract } from '../../src/shared/contract';
import { actionsSince, lastAuditId } from '../helpers/audit';
import { schoolFixture } from '../helpers/school';

describe('substitutions recorded by the deputy', () => {
  const {
    sql,
    tiny: t,
    callers: { deputy, admin, klruk, pe, eng1, math },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-09-02T10:00:00',
    accounts: { admin: 'admin' },
    as: { deputy: 'zavuch', admin: 'admin', klruk: 'klruk', pe: 'pe', eng1: 'eng1', math: 'math' },
  });
  const givenBy = (lessonId: number) =>
    sql.prepare('select given_by_id from lessons where id = ?').pluck().get(lessonId) as number;
  const mark = (lessonId: number) => ({ lessonId, studentId: t.students.C, value1: '5' as const });

  it('replaces every lesson of a teacher on a range of dates, and the substitute fills them at once', async () => {
    const before = lastAuditId(sql);
    const rows = await deputy.value(contract.substitutions.record, {
      target: { kind: 'range', teacherId: t.users.klruk, from: '2025-09-01', to: '2025-09-03' },
      substituteId: t.users.pe,
      reason: 'Больничный лист',
    });
    // Klruk's journals hold three lessons on those days, all 5А Russian; maths (math's journal) is not klruk's.
    expect(rows.map((r) => [r.date, r.className, r.subjectName, r.absentTeacherName, r.substituteName])).toEqual([
      ['2025-09-01', '5А', 'Русский язык', 'Классова А. П.', 'Спортова А. П.'],
      ['2025-09-02', '5А', 'Русский язык', 'Классова А. П.', 'Спортова А. П.'],
      ['2025-09-03', '5А', 'Русский язык', 'Классова А. П.', 'Спортова А. П.'],
    ]);
    expect(rows[0]).toMatchObject({ reason: 'Больничный лист', recordedByName: 'Завучева А. П.' });
    expect(actionsSince(sql, before)).toEqual(Array(3).fill('substitution.record'));
    expect(givenBy(t.lessons.rus0902)).toBe(t.users.pe);

    expect(await pe.send(contract.journal.setMark, mark(t.lessons.rus0902))).toMatchObject({ ok: true });
    // Only those lessons: 15 October's is klruk's own.
    expect(await pe.send(contract.journal.setMark, mark(t.lessons.rus1015))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    // The journal is readable while the substitution lasts.
    const list = await pe.value(contract.journal.assignments, {});
    expect(list.filter((a) => a.viaSubstitution).map((a) => a.id)).toEqual([t.assignments.rus5]);
    // Who gave the lesson is the administration's record now, not the teacher's to change.
    expect(
      await klruk.send(contract.lessons.update, { lessonId: t.lessons.rus0902, givenById: t.users.klruk }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('replaces one lesson; reading that journal ended with the substitution', async () => {
    const [row] = await admin.value(contract.substitutions.record, {
      target: { kind: 'lesson', lessonId: t.lessons.mat0901 },
      substituteId: t.users.eng1,
      reason: 'Курсы повышения квалификации',
    });
    expect(row).toMatchObject({ date: '2025-09-01', subjectName: 'Математика', absentTeacherName: 'Счётова А. П.' });
    expect(await eng1.send(contract.journal.setMark, mark(t.lessons.mat0901))).toMatchObject({ ok: true });
    // 1 September is past: eng1 no longer reads the maths journal.
    expect(
      await eng1.send(contract.journal.grid, { assignmentId: t.assignments.mat5, periodId: t.periods.q1 }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('refuses a teacher replacing themself, a range with no lessons, a lesson not held, and a teacher recording', async () => {
    const refused = async (input: Parameters<typeof deputy.send<typeof contract.substitutions.record>>[1]) =>
      (await deputy.send(contract.substitutions.record, input)) as { ok: false; error: { message: string } };
    expect(
      (
        await refused({
          target: { kind: 'lesson', lessonId: t.lessons.rus0901 },
          substituteId: t.users.klruk,
          reason: 'Больничный',
        })
      ).error.message,
    ).toBe('Учитель не может заменять сам себя: выберите другого учителя');
    expect(
      (
        await refused({
          target: { kind: 'range', teacherId: t.users.pe, from: '2025-09-01', to: '2025-09-05' },
          substituteId: t.users.math,
          reason: 'Больничный',
        })
      ).error.message,
    ).toBe('У этого учителя нет уроков с 01.09.2025 по 05.09.2025: заменять нечего');
    expect(
      (
        await refused({
          target: { kind: 'lesson', lessonId: t.lessons.mat0903 },
          substituteId: t.users.pe,
          reason: 'Больничный',
        })
      ).error.message,
    ).toBe('Урок отмечен как не проведённый: замена на него не записывается');
    expect(
      await math.send(contract.substitutions.record, {
        target: { kind: 'lesson', lessonId: t.lessons.rus0901 },
        substituteId: t.users.math,
        reason: 'Больничный',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('cancels a substitution: the lesson goes back to its teacher', async () => {
    const lessons = await deputy.value(contract.substitutions.lessons, {
      teacherId: t.users.klruk,
      from: '2025-09-03',
      to: '2025-09-03',
    });
    expect(lessons).toHaveLength(1);
    const id = lessons[0]!.substitution!.id;
    const before = lastAuditId(sql);
    expect(await deputy.value(contract.substitutions.cancel, { id })).toEqual({ lessonId: t.lessons.rus0903 });
    expect(givenBy(t.lessons.rus0903)).toBe(t.users.klruk);
    expect(actionsSince(sql, before)).toEqual(['substitution.cancel']);
    expect(await pe.send(contract.journal.setMark, mark(t.lessons.rus0903))).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('reports September’s substitutions with the hours of each substitute, on screen and in XLSX', async () => {
    // Left: 1 and 2 September's Russian by pe, 1 September's maths by eng1 (3 September's was cancelled).
    const report = await deputy.value(contract.reports.substitutions, { month: '2025-09' });
    expect(report.data.rows.map((r) => [r.date, r.lessonNumber, r.subjectName, r.substituteName, r.hours])).toEqual([
      ['2025-09-01', 1, 'Русский язык', 'Спортова А. П.', 1],
      ['2025-09-01', 2, 'Математика', 'Инглишева А. П.', 1],
      ['2025-09-02', 1, 'Русский язык', 'Спортова А. П.', 1],
    ]);
    expect(report.data.substitutes).toEqual([
      { substituteName: 'Инглишева А. П.', hours: 1 },
      { substituteName: 'Спортова А. П.', hours: 2 },
    ]);
    expect(report.data.hours).toBe(3);
    // A teacher sees the substitutions they gave or were replaced in.
    const own = await pe.value(contract.reports.substitutions, { month: '2025-09' });
    expect(own.data.hours).toBe(2);
    const file = await deputy.value(contract.reports.file, {
      report: 'substitutions',
      params: { month: '2025-09' },
      format: 'xlsx',
    });
    const [sheet, totals] = await readWorkbook(Buffer.from(file.base64, 'base64'));
    expect(sheet!.rows).toContainEqual([
      '01.09.2025',
      2,
      '5А',
      'Математика',
      'Счётова А. П.',
      'Инглишева А. П.',
      'Курсы повышения квалификации',
      1,
    ]);
    expect(totals!.rows).toContainEqual(['Спортова А. П.', 2]);
  });
});
