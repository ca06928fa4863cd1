// Two people changing the same value from the same starting point: the second save is refused with the value
// and the name of whoever saved first, and both attempts are in the audit log. A save sent again with its id
// (a client's queue after an outage) is answered as the first time and never written twice.
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { lastAuditId } from '../helpers/audit';

describe('saves from several computers', () => {
  const {
    sql,
    callers: { teacher, substitute },
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel', substitute: 'klruk' } });
  let lessonId = 0;
  let assignmentId = 0;
  let periodId = 0;
  let students: number[] = [];
  const substituteName = () =>
    sql
      .prepare(
        "select last_name || ' ' || substr(first_name, 1, 1) || '. ' || substr(middle_name, 1, 1) || '.' from users where login = 'klruk'",
      )
      .pluck()
      .get() as string;

  beforeAll(async () => {
    const lesson = sql
      .prepare(
        `select l.id, l.assignment_id as assignmentId, a.class_id as classId from lessons l
         join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
         join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
         where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика'
           and l.date < '2026-11-20'
           and (select count(*) from class_enrollments e where e.class_id = a.class_id and e.end_date is null
                 and e.student_id not in (select student_id from absences where lesson_id = l.id)
                 and e.student_id not in (select student_id from marks where lesson_id = l.id)) >= 4
         order by l.date desc limit 1`,
      )
      .get() as { id: number; assignmentId: number; classId: number };
    lessonId = lesson.id;
    assignmentId = lesson.assignmentId;
    students = sql
      .prepare(
        `select e.student_id from class_enrollments e where e.class_id = ? and e.end_date is null
         and e.student_id not in (select student_id from absences where lesson_id = ?)
         and e.student_id not in (select student_id from marks where lesson_id = ?) limit 4`,
      )
      .pluck()
      .all(lesson.classId, lessonId, lessonId) as number[];
    periodId = sql
      .prepare("select id from periods where start_date <= '2026-11-24' and end_date >= '2026-11-24' limit 1")
      .pluck()
      .get() as number;
    // klruk substitutes on this lesson: both may write its cells.
    const klruk = sql.prepare("select id from users where login = 'klruk'").pluck().get() as number;
    await teacher.value(contract.lessons.update, { lessonId, givenById: klruk });
  });

  const mark = (studentId: number) =>
    sql.prepare('select value1, value2 from marks where lesson_id = ? and student_id = ?').get(lessonId, studentId);
  const cellLog = (studentId: number, since: number) =>
    sql
      .prepare(
        `select a.action, u.login, a.old_value as old, a.new_value as new from audit_log a join users u on u.id = a.user_id
         where a.id > ? and a.entity = 'cell' and a.entity_id = ? order by a.id`,
      )
      .all(since, `${lessonId}:${studentId}`) as {
      action: string;
      login: string;
      old: string | null;
      new: string | null;
    }[];

  it('a mark: the second save from the same empty cell is refused with the first value and its author', async () => {
    const studentId = students[0]!;
    const since = lastAuditId(sql);
    await substitute.value(contract.journal.setMark, { lessonId, studentId, value1: '4', expected: null });
    const refused = await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '5', expected: null });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        details: { current: { value1: '4', value2: null }, by: substituteName(), at: '2026-11-24 10:00:00' },
      },
    });
    expect(mark(studentId)).toEqual({ value1: '4', value2: null });
    // «Записать моё»: the teacher saves again from the value the conflict showed.
    await teacher.value(contract.journal.setMark, {
      lessonId,
      studentId,
      value1: '5',
      expected: { value1: '4', value2: null },
    });
    expect(mark(studentId)).toEqual({ value1: '5', value2: null });
    expect(cellLog(studentId, since)).toEqual([
      { action: 'mark.set', login: 'klruk', old: 'null', new: expect.stringContaining('"value1":"4"') },
      {
        action: 'mark.conflict',
        login: 'uchitel',
        old: expect.stringContaining('"value1":"4"'),
        new: expect.stringContaining('"value1":"5"'),
      },
      {
        action: 'mark.set',
        login: 'uchitel',
        old: expect.stringContaining('"value1":"4"'),
        new: expect.stringContaining('"value1":"5"'),
      },
    ]);
  });

  it('no conflict when both typed the same, or when the caller does not say what it saw (the CLI)', async () => {
    const studentId = students[1]!;
    await substitute.value(contract.journal.setMark, { lessonId, studentId, value1: '3', expected: null });
    expect(
      await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '3', expected: null }),
    ).toMatchObject({ ok: true });
    expect(await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '2' })).toMatchObject({
      ok: true,
    });
    expect(mark(studentId)).toEqual({ value1: '2', value2: null });
    // Clearing a mark someone changed since is refused as well.
    const clear = await substitute.send(contract.journal.clearMark, {
      lessonId,
      studentId,
      expected: { value1: '3', value2: null },
    });
    expect(clear).toMatchObject({ ok: false, error: { kind: 'conflict', details: { current: { value1: '2' } } } });
    expect(mark(studentId)).toEqual({ value1: '2', value2: null });
  });

  it('an absence', async () => {
    const studentId = students[2]!;
    const since = lastAuditId(sql);
    await teacher.value(contract.journal.setAbsence, { lessonId, studentId, code: 'б', expected: null });
    const refused = await substitute.send(contract.journal.setAbsence, {
      lessonId,
      studentId,
      code: 'н',
      expected: null,
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict', details: { current: 'б' } } });
    expect(cellLog(studentId, since).map((r) => [r.action, r.login])).toEqual([
      ['absence.set', 'uchitel'],
      ['absence.conflict', 'klruk'],
    ]);
  });

  it('a lesson’s topic and homework, field by field', async () => {
    const seen = sql.prepare('select topic, homework from lessons where id = ?').get(lessonId) as {
      topic: string | null;
      homework: string | null;
    };
    await teacher.value(contract.lessons.update, { lessonId, topic: 'Дроби', expected: { topic: seen.topic } });
    const refused = await substitute.send(contract.lessons.update, {
      lessonId,
      topic: 'Десятичные дроби',
      homework: '№ 12',
      expected: seen,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        details: { current: { topic: 'Дроби' }, by: expect.stringMatching(/^\S+ \S\. \S\.$/) },
      },
    });
    const row = sql.prepare('select topic, homework from lessons where id = ?').get(lessonId);
    expect(row).toEqual({ topic: 'Дроби', homework: seen.homework });
    // A field nobody else touched is saved from the same starting value.
    await substitute.value(contract.lessons.update, {
      lessonId,
      homework: '№ 12',
      expected: { homework: seen.homework },
    });
    const actions = sql
      .prepare("select action from audit_log where entity = 'lesson' and entity_id = ? order by id")
      .pluck()
      .all(String(lessonId));
    expect(actions.slice(-3)).toEqual(['lesson.update', 'lesson.conflict', 'lesson.update']);
  });

  it('a period mark', async () => {
    const studentId = students[3]!;
    const input = { assignmentId, studentId, kind: 'period' as const, periodId };
    await teacher.value(contract.journal.setPeriodMark, { ...input, value: '4', expected: null });
    const again = await teacher.send(contract.journal.setPeriodMark, { ...input, value: '5', expected: null });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', details: { current: '4' } } });
    const actions = sql
      .prepare("select action from audit_log where entity = 'period_mark' order by id desc limit 2")
      .pluck()
      .all();
    expect(actions).toEqual(['period_mark.conflict', 'period_mark.set']);
  });

  it('a save sent again with its id is answered as the first time and written once', async () => {
    const studentId = students[0]!;
    const saveId = 'test-save-0001';
    const first = await teacher.send(contract.journal.setMark, {
      lessonId,
      studentId,
      value1: '3',
      expected: { value1: '5', value2: null },
      saveId,
    });
    expect(first).toMatchObject({ ok: true, value: { value1: '3' } });
    // Someone changes the cell; the same save arriving again (its answer was lost) changes nothing.
    await substitute.value(contract.journal.setMark, {
      lessonId,
      studentId,
      value1: '4',
      expected: { value1: '3', value2: null },
    });
    const since = lastAuditId(sql);
    const replay = await teacher.send(contract.journal.setMark, {
      lessonId,
      studentId,
      value1: '3',
      expected: { value1: '5', value2: null },
      saveId,
    });
    expect(replay).toEqual(first);
    expect(mark(studentId)).toEqual({ value1: '4', value2: null });
    expect(lastAuditId(sql)).toBe(since);
    const stored = sql.prepare('select count(*) from applied_saves where save_id = ?').pluck().get(saveId);
    expect(stored).toBe(1);
  });

  it('a refused save sent again is refused again, with no second entry in the log', async () => {
    const studentId = students[0]!;
    const input = { lessonId, studentId, value1: '2' as const, expected: null, saveId: 'test-save-0002' };
    const first = await teacher.send(contract.journal.setMark, input);
    expect(first).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const since = lastAuditId(sql);
    expect(await teacher.send(contract.journal.setMark, input)).toEqual(first);
    expect(lastAuditId(sql)).toBe(since);
  });

  it('lesson fields and absences are written once as well', async () => {
    const studentId = students[1]!;
    const update = { lessonId, homework: '№ 14', expected: { homework: '№ 12' }, saveId: 'test-save-0003' };
    await teacher.value(contract.lessons.update, update);
    await substitute.value(contract.lessons.update, { lessonId, homework: '№ 15', expected: { homework: '№ 14' } });
    const replay = await teacher.send(contract.lessons.update, update);
    expect(replay).toMatchObject({ ok: true, value: { homework: '№ 15' } });
    const absence = { lessonId, studentId, code: 'оп' as const, expected: null, saveId: 'test-save-0004' };
    await teacher.value(contract.journal.setAbsence, absence);
    await teacher.value(contract.journal.setAbsence, { lessonId, studentId, code: null, expected: 'оп' });
    expect(await teacher.send(contract.journal.setAbsence, absence)).toMatchObject({ ok: true, value: 'оп' });
    const left = sql.prepare('select count(*) from absences where lesson_id = ? and student_id = ?').pluck();
    expect(left.get(lessonId, studentId)).toBe(0);
  });

  it('a save id is the saver’s own: another user’s save with the same id is checked and written as new', async () => {
    const studentId = students[1]!;
    const saveId = 'test-save-0005';
    await teacher.value(contract.journal.setMark, { lessonId, studentId, value1: '5', saveId });
    await substitute.value(contract.journal.setMark, { lessonId, studentId, value1: '4', saveId });
    expect(mark(studentId)).toEqual({ value1: '4', value2: null });
  });
});
