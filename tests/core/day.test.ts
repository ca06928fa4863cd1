import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

describe('«Мой день» and who reads which journal', () => {
  const {
    sql,
    callers: { teacher, classTeacher, secretary },
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel', classTeacher: 'klruk', secretary: 'secretary' } });
  let teacherId = 0;

  beforeAll(async () => {
    teacherId = (sql.prepare(`select id from users where login = 'uchitel'`).get() as { id: number }).id;
  });

  const mine = (date?: string) => teacher.value(contract.day.mine, date ? { date } : {});

  it('lists today’s lessons the teacher gives, with what each still lacks', async () => {
    const today = sql
      .prepare(`select id from lessons where given_by_id = ? and date = '2026-11-24' order by lesson_number`)
      .all(teacherId) as { id: number }[];
    expect(today.length).toBeGreaterThan(0);
    const first = today[0]!.id;
    sql
      .prepare(
        `update lessons set topic = null, homework = null, attendance_taken_at = null, status = 'planned' where id = ?`,
      )
      .run(first);
    const day = await mine();
    expect(day.date).toBe('2026-11-24');
    expect(day.lessons.map((l) => l.lessonId)).toEqual(today.map((l) => l.id));
    expect(day.lessons[0]!.missing).toEqual(['topic', 'attendance', 'homework']);
    await teacher.send(contract.lessons.update, { lessonId: first, topic: 'Сложение дробей', attendanceTaken: true });
    expect((await mine()).lessons[0]!.missing).toEqual(['homework']);
  });

  it('always lists what earlier days still lack, and on a day without lessons the next school day’s lessons', async () => {
    const friday = sql
      .prepare(`select id from lessons where given_by_id = ? and date = '2026-11-20' order by lesson_number limit 1`)
      .get(teacherId) as { id: number };
    sql.prepare(`update lessons set topic = null where id = ?`).run(friday.id);
    const today = await mine();
    expect(today.lessons.length).toBeGreaterThan(0);
    expect(today.next).toBeNull();
    const unfilled = today.earlier.find((l) => l.lessonId === friday.id);
    expect(unfilled).toMatchObject({ date: '2026-11-20' });
    expect(unfilled!.missing).toContain('topic');
    expect(today.earlier.every((l) => l.date < '2026-11-24' && l.date >= '2026-11-10' && l.missing.length > 0)).toBe(
      true,
    );

    const sunday = await mine('2026-11-29');
    expect(sunday.lessons).toEqual([]);
    expect(sunday.earlier.some((l) => l.lessonId === friday.id)).toBe(true);
    const monday = sql
      .prepare(`select id from lessons where given_by_id = ? and date = '2026-11-30' order by lesson_number`)
      .all(teacherId) as { id: number }[];
    expect(monday.length).toBeGreaterThan(0);
    expect(sunday.next?.date).toBe('2026-11-30');
    expect(sunday.next?.lessons.map((l) => l.lessonId)).toEqual(monday.map((l) => l.id));
    // A lesson still to come lacks nothing yet.
    expect(sunday.next?.lessons.every((l) => l.missing.length === 0)).toBe(true);
  });

  it('shows control works whose marks are overdue, counting the students still without a mark', async () => {
    const control = sql
      .prepare(
        `select l.id, l.date from lessons l join work_kinds k on k.id = l.work_kind_id join assignments a on a.id = l.assignment_id
         where k.is_control = 1 and a.teacher_id = ? and a.subgroup_id is null and l.date < '2026-11-10' and l.status = 'held' order by l.date desc limit 1`,
      )
      .get(teacherId) as { id: number; date: string };
    // Everyone present gets a mark: the work is complete, nothing is overdue.
    sql
      .prepare(
        `insert into marks (lesson_id, student_id, value1, work_kind_id, created_at)
         select l.id, e.student_id, '4', l.work_kind_id, '2026-11-01 12:00:00' from lessons l join assignments a on a.id = l.assignment_id
         join class_enrollments e on e.class_id = a.class_id and e.start_date <= l.date and (e.end_date is null or e.end_date >= l.date)
         where l.id = ? and e.student_id not in (select student_id from marks where lesson_id = l.id)
           and e.student_id not in (select student_id from absences where lesson_id = l.id and code in ('н','б','у'))`,
      )
      .run(control.id);
    expect((await mine()).overdueControl.some((c) => c.lessonId === control.id)).toBe(false);
    const removed = sql
      .prepare(
        `delete from marks where lesson_id = ? and student_id in (select student_id from marks where lesson_id = ? limit 2)`,
      )
      .run(control.id, control.id).changes;
    expect(removed).toBe(2);
    const overdue = (await mine()).overdueControl.find((c) => c.lessonId === control.id);
    expect(overdue?.studentsWithoutMark).toBe(2);
    expect(overdue!.dueDate > control.date).toBe(true);
  });

  it('warns of a dictation by the marking limit the school gave its kind, and not before it has one', async () => {
    const dictation = (sql.prepare(`select id from work_kinds where code = 'dictation'`).get() as { id: number }).id;
    // An ordinary lesson of 16 November (a Monday) becomes a dictation with no pupil marked.
    const lesson = sql
      .prepare(
        `select l.id, l.date from lessons l join assignments a on a.id = l.assignment_id
         where a.teacher_id = ? and a.subgroup_id is null and l.date = '2026-11-16' and l.status = 'held' order by l.id limit 1`,
      )
      .get(teacherId) as { id: number; date: string };
    sql.prepare('delete from marks where lesson_id = ?').run(lesson.id);
    sql.prepare('update lessons set work_kind_id = ? where id = ?').run(dictation, lesson.id);
    const listed = async () => (await mine()).overdueControl.find((c) => c.lessonId === lesson.id);
    expect(await listed()).toBeUndefined(); // a dictation with no limit of its own is marked as any lesson
    // 3 days: due on the 19th, overdue by the 24th; 10 days: due on the 26th, not yet.
    sql.prepare('update work_kinds set marking_days = 3 where id = ?').run(dictation);
    expect(await listed()).toMatchObject({ workKindName: 'Диктант', dueDate: '2026-11-19' });
    expect((await listed())!.studentsWithoutMark).toBeGreaterThan(0);
    sql.prepare('update work_kinds set marking_days = 10 where id = ?').run(dictation);
    expect(await listed()).toBeUndefined();
  });

  it('refuses «Мой день» to the secretary', async () => {
    expect(await secretary.send(contract.day.mine, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('lets the class teacher read every subject of their class, and write none of the others', async () => {
    const list = await classTeacher.value(contract.journal.assignments, {});
    const maths = list.find((a) => a.className === '5А' && a.subjectName === 'Математика');
    expect(maths).toBeDefined();
    const otherClass = list.filter((a) => a.className !== '5А');
    const ownTeaching = sql
      .prepare(
        `select count(*) as n from assignments a join users u on u.id = a.teacher_id join classes c on c.id = a.class_id where u.login = 'klruk' and not (c.grade = 5 and c.letter = 'А')`,
      )
      .get() as { n: number };
    expect(otherClass.length).toBeLessThanOrEqual(ownTeaching.n + 50); // their own teaching elsewhere plus substitutions only
    const period = sql.prepare(`select id from periods where scheme = 'quarters' and number = 2`).get() as {
      id: number;
    };
    const grid = await classTeacher.value(contract.journal.grid, { assignmentId: maths!.id, periodId: period.id });
    const foreignLesson = grid.lessons.find((l) => l.givenById === teacherId)!;
    expect(
      await classTeacher.send(contract.lessons.update, { lessonId: foreignLesson.id, topic: 'Чужая тема' }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
