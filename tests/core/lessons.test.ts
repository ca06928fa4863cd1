import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { actionsSince, lastAuditId, refusals } from '../helpers/audit';

// Today in these tests is 2026-11-24 (tests/helpers/core.ts).
describe('the lesson: topic, kind, homework, substitutes, extra and moved lessons', () => {
  const {
    sql,
    callers: { teacher, other, deputy },
    logIn,
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel', other: 'klruk', deputy: 'zavuch' } });
  const ids = { today: 0, future: 0, past: 0, assignment: 0, firstGradeLesson: 0, klruk: 0, topic: 0, control: 0 };
  const lesson = (id: number) => sql.prepare('select * from lessons where id = ?').get(id) as Record<string, unknown>;

  beforeAll(async () => {
    const base = `from lessons l join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
      join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
      where u.login = 'uchitel' and c.grade = 5 and c.letter = 'А' and s.name = 'Математика'`;
    const one = (where: string) =>
      sql.prepare(`select l.id, a.id as assignmentId ${base} ${where}`).get() as { id: number; assignmentId: number };
    ids.future = one(`and l.date > '2026-11-24' order by l.date limit 1`).id;
    const past = one(`and l.date < '2026-11-20' and l.status = 'held' order by l.date desc limit 1`);
    ids.past = past.id;
    ids.assignment = past.assignmentId;
    ids.firstGradeLesson = (
      sql
        .prepare(
          `select l.id from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id where c.grade = 1 limit 1`,
        )
        .get() as { id: number }
    ).id;
    ids.klruk = (sql.prepare(`select id from users where login = 'klruk'`).get() as { id: number }).id;
    ids.topic = (
      sql
        .prepare(
          `select t.id from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id = ? order by t.position desc limit 1`,
        )
        .get(ids.assignment) as { id: number }
    ).id;
    ids.control = (sql.prepare(`select id from work_kinds where code = 'control'`).get() as { id: number }).id;
  });

  it('takes a topic from the thematic plan, homework and the kind, and records the lesson as held', async () => {
    sql
      .prepare(
        `update lessons set status = 'planned', topic = null, homework = null, topic_entered_at = null where id = ?`,
      )
      .run(ids.past);
    const result = await teacher.send(contract.lessons.update, {
      lessonId: ids.past,
      planTopicId: ids.topic,
      homework: '№ 245, 247',
      workKindId: ids.control,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'held', homework: '№ 245, 247', workKindId: ids.control, planTopicId: ids.topic },
    });
    const title = (
      sql.prepare('select title from thematic_plan_topics where id = ?').get(ids.topic) as { title: string }
    ).title;
    expect(lesson(ids.past)).toMatchObject({ topic: title, topic_entered_at: '2026-11-24 10:00:00' });
    // The lesson's marks follow its kind.
    expect(
      sql
        .prepare('select count(*) as n from marks where lesson_id = ? and work_kind_id != ?')
        .get(ids.past, ids.control),
    ).toEqual({ n: 0 });
    const audit = sql
      .prepare(`select old_value, new_value from audit_log where entity = 'lesson' and entity_id = ? order by id desc`)
      .get(String(ids.past)) as { new_value: string };
    expect(JSON.parse(audit.new_value)).toMatchObject({ topic: title, homework: '№ 245, 247', status: 'held' });
  });

  it('refuses a topic from another journal’s plan, homework in the 1st grade, and another teacher — changing nothing', async () => {
    const firstGradeTeacher = sql
      .prepare(`select u.login from users u join lessons l on l.given_by_id = u.id where l.id = ?`)
      .get(ids.firstGradeLesson) as { login: string };
    const first = await logIn(firstGradeTeacher.login);
    const before = lastAuditId(sql);
    const foreignTopic = (
      sql
        .prepare(
          `select t.id from thematic_plan_topics t join thematic_plans p on p.id = t.plan_id where p.assignment_id != ? limit 1`,
        )
        .get(ids.assignment) as { id: number }
    ).id;
    expect(
      await teacher.send(contract.lessons.update, { lessonId: ids.past, planTopicId: foreignTopic }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await other.send(contract.lessons.update, { lessonId: ids.past, topic: 'Чужая тема' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const hw = await first.send(contract.lessons.update, {
      lessonId: ids.firstGradeLesson,
      homework: 'Прочитать сказку',
    });
    expect(hw).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'В 1 классе домашние задания не задаются' },
    });
    expect(actionsSince(sql, before)).toEqual(refusals(1));
  });

  it('records a substitute, who may then fill the lesson', async () => {
    expect(await teacher.send(contract.lessons.update, { lessonId: ids.future, givenById: ids.klruk })).toMatchObject({
      ok: true,
      value: { isSubstitution: true, givenById: ids.klruk },
    });
    expect(
      await other.send(contract.lessons.update, { lessonId: ids.future, homework: 'Повторить п. 12' }),
    ).toMatchObject({ ok: true, value: { homework: 'Повторить п. 12', status: 'planned' } });
    const teachers = await teacher.value(contract.lessons.teachers, {});
    expect(teachers.some((t) => t.id === ids.klruk)).toBe(true);
  });

  it('refuses attendance on a future lesson and «урок не проведён» on a lesson with marks', async () => {
    expect(await other.send(contract.lessons.update, { lessonId: ids.future, attendanceTaken: true })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await teacher.send(contract.lessons.update, { lessonId: ids.past, status: 'not_held' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  it('adds an extra lesson, refuses a second one in the same place, and moves it', async () => {
    const added = await teacher.value(contract.lessons.add, {
      assignmentId: ids.assignment,
      date: '2026-11-21',
      lessonNumber: 8,
    });
    expect(added).toMatchObject({ date: '2026-11-21', lessonNumber: 8, status: 'planned' });
    const { id } = added;
    expect(
      await teacher.send(contract.lessons.add, { assignmentId: ids.assignment, date: '2026-11-21', lessonNumber: 8 }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(
      await teacher.send(contract.lessons.add, { assignmentId: ids.assignment, date: '2030-01-10', lessonNumber: 1 }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      await other.send(contract.lessons.add, { assignmentId: ids.assignment, date: '2026-11-21', lessonNumber: 7 }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(
      await teacher.send(contract.lessons.move, { lessonId: id, date: '2026-11-22', lessonNumber: 1 }),
    ).toMatchObject({ ok: true, value: { date: '2026-11-22', lessonNumber: 1 } });
    expect(
      sql.prepare(`select action from audit_log where entity = 'lesson' and entity_id = ? order by id`).all(String(id)),
    ).toEqual([{ action: 'lesson.add' }, { action: 'lesson.move' }]);
  });

  it('in a closed period takes a change only with a written reason', async () => {
    const period = sql
      .prepare(
        `select id from periods where start_date <= '2026-11-18' and end_date >= '2026-11-18' and scheme = 'quarters'`,
      )
      .get() as { id: number };
    const locked = await deputy.value(contract.periods.lock, { periodId: period.id });
    expect(locked).toMatchObject({ periodId: period.id, className: null });
    expect(await deputy.send(contract.periods.lock, { periodId: period.id })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    expect(
      await teacher.send(contract.lessons.update, { lessonId: ids.past, homework: 'Другое задание' }),
    ).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(await teacher.send(contract.periods.lock, { periodId: period.id })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(
      await teacher.send(contract.lessons.update, {
        lessonId: ids.past,
        homework: 'Другое задание',
        reason: 'Опечатка в номере',
      }),
    ).toMatchObject({ ok: true });
    const lockId = locked.id;
    expect(await deputy.send(contract.periods.unlock, { lockId, reason: 'нет' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(
      await deputy.send(contract.periods.unlock, { lockId, reason: 'Исправление итоговых отметок' }),
    ).toMatchObject({ ok: true });
    expect(await teacher.send(contract.lessons.update, { lessonId: ids.past, homework: '№ 250' })).toMatchObject({
      ok: true,
    });
  });
});
