// The timetable editor's rules on a real SQLite file: clashes across classes, lessons generated for the
// year skipping holidays and staying inside the periods, and a change from a date that keeps (and names)
// the lessons that already hold something.
import { describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

describe('timetable: clashes, generated lessons, changes from a date', () => {
  const {
    core,
    tiny: t,
    callers: { admin, deputy },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-11-05T09:00:00',
    accounts: { admin: 'admin' },
    as: { admin: 'admin', deputy: 'zavuch' },
  });
  const w = writers(core.db.$client);
  w.holiday(t.year, 'Осенние каникулы', '2025-10-27', '2025-11-04', null);
  w.holiday(t.year, 'Выходной по приказу', '2025-11-10', '2025-11-10', null);
  w.holiday(t.year, 'Каникулы пятиклассников', '2025-12-01', '2025-12-05', 5);
  const q = <T>(sql: string, ...args: unknown[]) => core.db.$client.prepare(sql).all(...args) as T[];
  const lessonsOf = (assignment: number, from = '2025-11-05') =>
    q<{ id: number; date: string; lesson_number: number }>(
      'select id, date, lesson_number from lessons where assignment_id = ? and date >= ? order by date',
      assignment,
      from,
    );
  const a = t.assignments;
  const week5 = [
    { assignmentId: a.mat5, weekday: 1, lessonNumber: 1, room: '12' },
    { assignmentId: a.rus5, weekday: 2, lessonNumber: 2, room: '14' },
    // The two English subgroups side by side in one cell.
    { assignmentId: a.eng5g1, weekday: 3, lessonNumber: 3, room: '21' },
    { assignmentId: a.eng5g2, weekday: 3, lessonNumber: 3, room: '22' },
  ];

  it('lets the deputy read the timetable but not change it', async () => {
    expect(await deputy.send(contract.timetable.ofClass, { classId: t.classes.c5 })).toMatchObject({
      ok: true,
      value: { className: '5А', date: '2025-11-05' },
    });
    expect(
      await deputy.send(contract.timetable.save, { classId: t.classes.c5, from: '2025-11-05', slots: week5 }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('generates the lessons of the timetable inside the periods, skipping holidays and weekends', async () => {
    const r = await admin.value(contract.timetable.save, { classId: t.classes.c5, from: '2025-11-05', slots: week5 });
    const mondays = lessonsOf(a.mat5).map((l) => l.date);
    // 2nd quarter: 5 November – 28 December; Monday 10 November is a holiday, the week of 1 December is the 5th grade's.
    expect(mondays).toEqual(['2025-11-17', '2025-11-24', '2025-12-08', '2025-12-15', '2025-12-22']);
    expect(lessonsOf(a.eng5g1).map((l) => l.date)).toEqual([
      '2025-11-05',
      '2025-11-12',
      '2025-11-19',
      '2025-11-26',
      '2025-12-10',
      '2025-12-17',
      '2025-12-24',
    ]);
    expect(lessonsOf(a.eng5g2)).toHaveLength(7);
    expect(r).toMatchObject({ created: 5 + 6 + 7 + 7, removed: 0, kept: [] });
    // The September lessons with their marks and absences are before the date: untouched.
    expect(lessonsOf(a.rus5, '2025-09-01').filter((l) => l.date < '2025-11-05')).toHaveLength(4);
    const generated = q<{ given_by_id: number; status: string; code: string }>(
      "select l.given_by_id, l.status, k.code from lessons l join work_kinds k on k.id = l.work_kind_id where l.assignment_id = ? and l.date >= '2025-11-05'",
      a.mat5,
    );
    expect(new Set(generated.map((g) => `${g.given_by_id}:${g.status}:${g.code}`))).toEqual(
      new Set([`${t.users.math}:planned:lesson`]),
    );
    // Saving the same week again changes nothing.
    expect(
      await admin.value(contract.timetable.save, { classId: t.classes.c5, from: '2025-11-05', slots: week5 }),
    ).toMatchObject({ created: 0, removed: 0, kept: [] });
  });

  it('shows a teacher or a room twice at once across classes, and refuses two lessons of one class in one cell', async () => {
    const tenth = (room: string | null) => [{ assignmentId: a.mat10, weekday: 1, lessonNumber: 1, room }];
    const clash = await admin.send(contract.timetable.save, {
      classId: t.classes.c10,
      from: '2025-11-05',
      slots: tenth('30'),
    });
    expect(clash).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: expect.stringContaining('Счётова А. П.: два урока одновременно (понедельник, 1-й урок; 5А, 10А)'),
      },
    });
    const room = await admin.send(contract.timetable.save, {
      classId: t.classes.c10,
      from: '2025-11-05',
      slots: [{ assignmentId: a.rus10, weekday: 2, lessonNumber: 2, room: ' 14 ' }],
    });
    expect(room).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: expect.stringContaining('Кабинет 14 занят дважды (вторник, 2-й урок; 5А, 10А)'),
      },
    });
    expect(lessonsOf(a.mat10)).toHaveLength(0);
    const view = await admin.value(contract.timetable.ofClass, { classId: t.classes.c10, date: '2025-11-05' });
    expect(view.others.map((o) => o.className)).toEqual(['5А', '5А', '5А', '5А']);
    // Confirmed by the admin, the clash is saved (a substitution week, say).
    expect(
      (
        await admin.value(contract.timetable.save, {
          classId: t.classes.c10,
          from: '2025-11-05',
          slots: tenth('30'),
          allowClashes: true,
        })
      ).created,
    ).toBeGreaterThan(0);
    const sameCell = await admin.send(contract.timetable.save, {
      classId: t.classes.c5,
      from: '2025-11-05',
      slots: [...week5, { assignmentId: a.pe5, weekday: 3, lessonNumber: 3, room: null }],
    });
    expect(sameCell).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'У 5А два урока одновременно (среда, 3-й урок)' },
    });
    const foreign = await admin.send(contract.timetable.save, {
      classId: t.classes.c5,
      from: '2025-11-05',
      slots: [{ assignmentId: a.mat10, weekday: 4, lessonNumber: 1, room: null }],
    });
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const outside = await admin.send(contract.timetable.save, {
      classId: t.classes.c5,
      from: '2026-06-15',
      slots: week5,
    });
    expect(outside).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('внутри учебного года 2025/2026') },
    });
  });

  it('a change from a date regenerates only the later lessons without data, and says what it kept', async () => {
    const [m17, m24, m08, m15, m22] = lessonsOf(a.mat5, '2025-11-17');
    w.mark(m17!.id, t.students.A, '5', null, t.kinds.lessonKind, '2025-11-17 10:00:00', t.users.math);
    w.mark(m08!.id, t.students.B, '4', null, t.kinds.lessonKind, '2025-11-17 10:00:00', t.users.math);
    core.db.$client.prepare("update lessons set homework = 'Учить правило' where id = ?").run(m24!.id);
    core.db.$client.prepare("update lessons set attendance_taken_at = '2025-11-05 09:00:00' where id = ?").run(m22!.id);
    // 15 December carries only the КТП's topic, put there by the plan's distribution: that is the plan, not an entry.
    const plan = w.plan(a.mat5, '2025-09-01 10:00:00');
    const topic = w.topic(plan, 1, null, 'Десятичные дроби', 1, null);
    core.db.$client
      .prepare(
        "update lessons set topic = 'Десятичные дроби', plan_topic_id = ?, topic_entered_at = '2025-11-01 10:00:00' where id = ?",
      )
      .run(topic, m15!.id);
    // From 24 November maths moves from Monday 1st to Thursday 4th.
    const moved = week5.map((s) => (s.assignmentId === a.mat5 ? { ...s, weekday: 4, lessonNumber: 4 } : s));
    const r = await admin.value(contract.timetable.save, { classId: t.classes.c5, from: '2025-11-24', slots: moved });
    expect(r.kept).toEqual([
      {
        lessonId: m24!.id,
        date: '2025-11-24',
        lessonNumber: 1,
        className: '5А',
        subjectName: 'Математика',
        subgroupName: null,
        holds: ['домашнее задание'],
      },
      {
        lessonId: m08!.id,
        date: '2025-12-08',
        lessonNumber: 1,
        className: '5А',
        subjectName: 'Математика',
        subgroupName: null,
        holds: ['отметки'],
      },
      {
        lessonId: m22!.id,
        date: '2025-12-22',
        lessonNumber: 1,
        className: '5А',
        subjectName: 'Математика',
        subgroupName: null,
        holds: ['посещаемость'],
      },
    ]);
    expect(r.removed).toBe(1); // 15 December held nothing but the plan
    const dates = lessonsOf(a.mat5, '2025-11-17').map((l) => `${l.date}#${l.lesson_number}`);
    // 17 November is before the change: it stays a Monday lesson. Thursdays from 27 November (4 December is the 5th grade's holiday).
    expect(dates).toEqual([
      '2025-11-17#1',
      '2025-11-24#1',
      '2025-11-27#4',
      '2025-12-08#1',
      '2025-12-11#4',
      '2025-12-18#4',
      '2025-12-22#1',
      '2025-12-25#4',
    ]);
    expect(r.created).toBe(4);
    expect(lessonsOf(a.mat5, '2025-11-17').find((l) => l.id === m15!.id)).toBeUndefined();
    // The plan's topic went to the first lesson from the date without a topic.
    expect(q('select date, lesson_number as n from lessons where plan_topic_id = ?', topic)).toEqual([
      { date: '2025-11-24', n: 1 },
    ]);
    // Two versions: the old rows end the day before the change.
    const view = await admin.value(contract.timetable.ofClass, { classId: t.classes.c5, date: '2025-11-20' });
    expect(view.versions).toEqual(['2025-11-05', '2025-11-24']);
    expect(view.entries.find((e) => e.weekday === 1)).toBeDefined();
    const later = await admin.value(contract.timetable.ofClass, { classId: t.classes.c5, date: '2025-11-24' });
    expect(later.entries.filter((e) => e.weekday === 4)).toEqual([
      expect.objectContaining({ weekday: 4, lessonNumber: 4 }),
    ]);
    expect(
      q<{ valid_to: string }>(
        "select distinct valid_to from timetable where valid_from = '2025-11-05' and assignment_id in (select id from assignments where class_id = ?)",
        t.classes.c5,
      ),
    ).toEqual([{ valid_to: '2025-11-23' }]);
    expect(
      q<{ n: number }>("select count(*) as n from audit_log where action = 'timetable.save'")[0]!.n,
    ).toBeGreaterThanOrEqual(3);
  });

  it('generates the whole school from the year start and keeps the September lessons that hold marks', async () => {
    const r = await admin.value(contract.timetable.generate, {});
    expect(r.classes).toBe(3);
    // The tiny school's September lessons are not in any timetable: they hold marks and absences, so they stay.
    expect(r.kept.length).toBeGreaterThan(0);
    expect(r.kept.every((k) => k.holds.length > 0)).toBe(true);
    expect(await admin.value(contract.timetable.generate, {})).toMatchObject({ created: 0, removed: 0 });
  });
});
