import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { actionsSince, lastAuditId, refusals } from '../helpers/audit';

describe('writing marks and absences', () => {
  const {
    sql,
    callers: { teacher, other, secretary },
    logIn,
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel', other: 'klruk', secretary: 'secretary' } });
  let lessonId = 0;
  let studentId = 0;
  let futureLessonId = 0;

  beforeAll(async () => {
    const base = `from lessons l join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
      join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
      where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика'`;
    const past = sql
      .prepare(`select l.id, a.class_id as classId ${base} and l.date < '2026-11-20' order by l.date desc limit 1`)
      .get() as { id: number; classId: number };
    lessonId = past.id;
    futureLessonId = (
      sql.prepare(`select l.id ${base} and l.date > '2026-11-24' order by l.date limit 1`).get() as { id: number }
    ).id;
    // A student present on that lesson, with no mark yet.
    studentId = (
      sql
        .prepare(
          `select e.student_id as id from class_enrollments e where e.class_id = ? and e.end_date is null
           and e.student_id not in (select student_id from absences where lesson_id = ?)
           and e.student_id not in (select student_id from marks where lesson_id = ?) limit 1`,
        )
        .get(past.classId, lessonId, lessonId) as { id: number }
    ).id;
  });

  const cell = () =>
    sql.prepare('select value1, value2 from marks where lesson_id = ? and student_id = ?').get(lessonId, studentId);

  it('saves a mark at once, changes it, and keeps both in the audit log', async () => {
    expect(await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '4' })).toMatchObject({
      ok: true,
      value: { value1: '4', value2: null },
    });
    expect(cell()).toEqual({ value1: '4', value2: null });
    expect(
      await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '5', value2: '4' }),
    ).toMatchObject({ ok: true });
    expect(cell()).toEqual({ value1: '5', value2: '4' });
    const history = await teacher.send(contract.journal.cellHistory, { lessonId, studentId });
    expect(history).toMatchObject({
      ok: true,
      value: [
        { action: 'mark.set', oldValue: null, newValue: { value1: '4' }, userName: expect.any(String) },
        { action: 'mark.set', oldValue: { value1: '4' }, newValue: { value1: '5', value2: '4' } },
      ],
    });
  });

  it('refuses another teacher, the secretary, and changes nothing', async () => {
    const audit = lastAuditId(sql);
    expect(await other.send(contract.journal.setMark, { lessonId, studentId, value1: '2' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await secretary.send(contract.journal.setMark, { lessonId, studentId, value1: '2' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await secretary.send(contract.journal.setAbsence, { lessonId, studentId, code: 'н' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(cell()).toEqual({ value1: '5', value2: '4' });
    expect(actionsSince(sql, audit)).toEqual(refusals(3));
  });

  it('refuses a mark for an absent student and an absence for a lesson still to come', async () => {
    expect(await teacher.send(contract.journal.setAbsence, { lessonId, studentId, code: 'н' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/есть отметка/) },
    });
    expect(await teacher.send(contract.journal.clearMark, { lessonId, studentId })).toEqual({ ok: true, value: null });
    expect(await teacher.send(contract.journal.setAbsence, { lessonId, studentId, code: 'н' })).toEqual({
      ok: true,
      value: 'н',
    });
    expect(await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '3' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/отсутствовал/) },
    });
    expect(
      await teacher.send(contract.journal.setAbsence, { lessonId: futureLessonId, studentId, code: 'б' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/ещё не прошёл/) } });
    expect(await teacher.send(contract.journal.setAbsence, { lessonId, studentId, code: null })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses «н/а» as a current mark of any kind of work, and a mark outside the scale', async () => {
    const control = sql.prepare('select id from work_kinds where is_control = 1 limit 1').get() as { id: number };
    const message = '«н/а» — не текущая отметка: её ставят только за период или год';
    for (const input of [
      { lessonId, studentId, value1: 'н/а' as const, workKindId: control.id },
      { lessonId, studentId, value1: 'н/а' as const },
      { lessonId, studentId, value1: '4' as const, value2: 'н/а' as const },
    ])
      expect(await teacher.send(contract.journal.setMark, input)).toMatchObject({
        ok: false,
        error: { kind: 'validation', message },
      });
    expect(await teacher.invoke('journal:setMark', { lessonId, studentId, value1: '6' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    sql.prepare("insert or replace into settings (key, value) values ('marks.scale', '\"2-5\"')").run();
    expect(await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '1' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/от 2 до 5/) },
    });
    sql.prepare("update settings set value = '\"1-5\"' where key = 'marks.scale'").run();
  });

  it('in a closed period accepts a change only with a written reason, and records the reason', async () => {
    const period = sql
      .prepare(
        `select p.id from periods p join lessons l on l.date between p.start_date and p.end_date
         join grade_period_schemes g on g.year_id = p.year_id and g.scheme = p.scheme and g.grade = 5 where l.id = ?`,
      )
      .get(lessonId) as { id: number };
    sql
      .prepare("insert into period_locks (period_id, locked_at, locked_by) values (?, '2026-11-24 09:00:00', 1)")
      .run(period.id);
    expect(await teacher.send(contract.journal.setMark, { lessonId, studentId, value1: '3' })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    expect(
      await teacher.send(contract.journal.setMark, {
        lessonId,
        studentId,
        value1: '3',
        reason: 'Пересдача по решению МО',
      }),
    ).toMatchObject({ ok: true });
    const last = sql.prepare("select reason from audit_log where action = 'mark.set' order by id desc limit 1").get();
    expect(last).toEqual({ reason: 'Пересдача по решению МО' });
    sql.prepare("update period_locks set unlocked_at = '2026-11-24 10:00:00', unlocked_by = 1").run();
  });

  it('refuses marks in the 1st grade and a student from another class', async () => {
    const first = sql
      .prepare(
        `select l.id as lessonId, e.student_id as studentId, u.login from lessons l join assignments a on a.id = l.assignment_id
         join classes c on c.id = a.class_id join class_enrollments e on e.class_id = c.id join users u on u.id = a.teacher_id
         where c.grade = 1 and l.date < '2026-11-24' limit 1`,
      )
      .get() as { lessonId: number; studentId: number; login: string };
    const firstTeacher = await logIn(first.login);
    expect(
      await firstTeacher.send(contract.journal.setMark, {
        lessonId: first.lessonId,
        studentId: first.studentId,
        value1: '5',
      }),
    ).toMatchObject({ ok: false, error: { message: 'В 1 классе отметки не ставятся' } });
    expect(
      await teacher.send(contract.journal.setMark, { lessonId, studentId: first.studentId, value1: '5' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/не числится/) } });
  });
});
