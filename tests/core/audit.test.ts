import { ruDateTime } from '../../src/shared/dates';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { auditValues } from '../../src/shared/audit-values';
import { contract, type AuditFilterInput, type OutputOf } from '../../src/shared/contract';
import type { Caller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';

type Page = OutputOf<typeof contract.audit.list>;

describe('the audit log: append-only, filed by class, student and subject, read and exported by the admin and the deputy', () => {
  // Each test logs its callers in itself: the logins are entries of the log it reads.
  const { core, sql, tiny, logIn } = schoolFixture({
    school: 'tiny',
    now: '2025-10-20T10:00:00',
    accounts: { admin: 'admin' },
    as: {},
  });
  const lessonOf = (assignmentId: number) =>
    (
      sql.prepare('select id from lessons where assignment_id = ? order by date limit 1').get(assignmentId) as {
        id: number;
      }
    ).id;

  const list = (caller: Caller, filter: AuditFilterInput, cursor: Page['next'] = null, limit = 50) =>
    caller.value(contract.audit.list, { filter, cursor, limit });

  it('refuses UPDATE and DELETE of what was written, whatever the SQL', () => {
    core.services.audit.record({ userId: null, action: 'school.test', entity: 'school', newValue: { n: 1 } });
    const row = sql.prepare("select * from audit_log where action = 'school.test'").get();
    expect(() => sql.prepare("update audit_log set action = 'x' where action = 'school.test'").run()).toThrow(
      /append-only/,
    );
    expect(() => sql.prepare('update audit_log set reason = null').run()).toThrow(/append-only/);
    expect(() => sql.prepare("delete from audit_log where action = 'school.test'").run()).toThrow(/append-only/);
    expect(() => sql.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(sql.prepare("select * from audit_log where action = 'school.test'").get()).toEqual(row);
  });

  it('files marks, absences and period marks under their class, student and subject', async () => {
    const math = await logIn('math');
    const lesson = lessonOf(tiny.assignments.mat5);
    expect(
      await math.send(contract.journal.setMark, { lessonId: lesson, studentId: tiny.students.C, value1: '4' }),
    ).toMatchObject({ ok: true });
    expect(
      await math.send(contract.journal.setAbsence, { lessonId: lesson, studentId: tiny.students.D, code: 'н' }),
    ).toMatchObject({ ok: true });
    expect(
      await math.send(contract.journal.setPeriodMark, {
        assignmentId: tiny.assignments.mat5,
        studentId: tiny.students.C,
        kind: 'period',
        periodId: tiny.periods.q1,
        value: '5',
        reason: 'Исправление ошибки',
      }),
    ).toMatchObject({ ok: true });
    const filed = sql
      .prepare(
        "select action, class_id as c, student_id as s, subject_id as subj from audit_log where action in ('mark.set', 'absence.set', 'period_mark.set') order by id",
      )
      .all();
    expect(filed).toEqual([
      { action: 'mark.set', c: tiny.classes.c5, s: tiny.students.C, subj: tiny.subjects.mat },
      { action: 'absence.set', c: tiny.classes.c5, s: tiny.students.D, subj: tiny.subjects.mat },
      { action: 'period_mark.set', c: tiny.classes.c5, s: tiny.students.C, subj: tiny.subjects.mat },
    ]);
  });

  it("writes no mark for a refused attempt to write in another teacher's journal, only the refusal to the log", async () => {
    const math = await logIn('math');
    const russian = lessonOf(tiny.assignments.rus5);
    const before = (sql.prepare('select max(id) as id from audit_log').get() as { id: number }).id;
    expect(
      await math.send(contract.journal.setMark, { lessonId: russian, studentId: tiny.students.C, value1: '2' }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(sql.prepare('select count(*) as n from marks where lesson_id = ?').get(russian)).toEqual({ n: 0 });
    expect(sql.prepare('select action, user_id as userId from audit_log where id > ?').all(before)).toEqual([
      { action: 'access.refused', userId: tiny.users.math },
    ]);
  });

  it('lets the deputy and the admin read it by student, kind and dates, page after page; a teacher may not', async () => {
    const deputy = await logIn('zavuch');
    const admin = await logIn('admin');
    expect(await (await logIn('math')).send(contract.audit.list, { filter: {} })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });

    const ofC = await list(deputy, { studentId: tiny.students.C });
    expect(ofC.rows.map((r) => r.action)).toEqual(['access.refused', 'period_mark.set', 'mark.set']);
    expect(ofC.rows[2]).toMatchObject({
      className: '5А',
      student: 'Васильев И.',
      subject: 'Математика',
      user: 'Счётова А. П.',
    });
    expect(JSON.parse(ofC.rows[2]!.newValue!)).toMatchObject({ value1: '4' });
    expect((await list(admin, { classId: tiny.classes.c5, kind: 'absences' })).rows.map((r) => r.action)).toEqual([
      'absence.set',
    ]);
    expect((await list(admin, { kind: 'logins', userId: tiny.users.math })).rows.length).toBeGreaterThanOrEqual(3);
    expect((await list(admin, { from: '2025-10-21' })).rows).toEqual([]);
    // Russian has only math's refused attempt on klruk's lesson.
    expect((await list(admin, { subjectId: tiny.subjects.rus })).rows.map((r) => r.action)).toEqual(['access.refused']);
    expect(await admin.send(contract.audit.list, { filter: { from: '2025-10-21', to: '2025-10-20' } })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Начало периода позже его конца' },
    });
    expect(await admin.send(contract.audit.list, { filter: { from: '2025-02-30' } })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });

    // Pages of two, following the cursors: every entry once, newest first, however many share a second.
    const all = await list(admin, {}, null, 200);
    const paged: number[] = [];
    let cursor: Page['next'] = null;
    do {
      const page = await list(admin, {}, cursor, 2);
      paged.push(...page.rows.map((r) => r.id));
      cursor = page.next;
    } while (cursor);
    expect(paged).toEqual(all.rows.map((r) => r.id));
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.length).toBeGreaterThan(8);
  });

  it('exports the filtered view to XLSX, with the same rows the screen shows', async () => {
    const deputy = await logIn('zavuch');
    // Read before the export: the export's own entry is filed under the class too (checked below).
    const shown = await list(deputy, { classId: tiny.classes.c5 });
    const { base64, fileName, rows } = await deputy.value(contract.audit.export, {
      filter: { classId: tiny.classes.c5 },
    });
    expect(fileName).toBe('журнал-действий-2025-10-20.xlsx');
    const [sheet] = await readWorkbook(Buffer.from(base64, 'base64'));
    const header = sheet!.rows.findIndex((r) => r[0] === 'Когда');
    const data = sheet!.rows.slice(header + 1);
    expect(rows).toBe(shown.rows.length);
    expect(data.map((r) => [r[0], r[2], r[4]])).toEqual(
      shown.rows.map((r) => [ruDateTime(r.at), expect.any(String), r.student]),
    );
    expect(data.map((r) => r[2])).toContain('Отметка поставлена');
    // Taking the log out of the app is itself in the log, as a report's file is: who, which filter, how many.
    const taken = sql
      .prepare(
        "select user_id as userId, entity_id as entityId, new_value as newValue, class_id as classId from audit_log where action = 'report.export' order by id desc limit 1",
      )
      .get();
    expect(taken).toEqual({
      userId: tiny.users.deputy,
      entityId: 'audit',
      newValue: JSON.stringify({ filter: { classId: tiny.classes.c5 }, rows, truncated: false }),
      classId: tiny.classes.c5,
    });
    // …and reads so on the screen: the class in its column, the count in words.
    const [entry] = (await list(deputy, { kind: 'printing' })).rows;
    expect([entry?.action, entry?.className, auditValues(entry!)]).toEqual([
      'report.export',
      '5А',
      { before: null, after: `«Журнал действий», записей: ${rows}` },
    ]);
    expect(await deputy.send(contract.audit.export, { filter: { subjectId: tiny.subjects.phys } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('logs who looked at the class lists with birth dates and file numbers', async () => {
    const deputy = await logIn('zavuch');
    expect(await deputy.send(contract.movement.classes, {})).toMatchObject({ ok: true });
    const viewed = sql
      .prepare(
        "select user_id as u, new_value as v from audit_log where action = 'student.view_personal' order by id desc limit 1",
      )
      .get() as { u: number; v: string };
    expect(viewed.u).toBe(tiny.users.deputy);
    expect(JSON.parse(viewed.v)).toMatchObject({ via: 'movement:classes', students: expect.any(Number) });
  });
});
