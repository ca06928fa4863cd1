import { beforeAll, describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

// Closing the tiny school's 2025/2026 year on 1 June 2026 and opening 2026/2027 from it.
describe('closing a school year and opening the next', () => {
  const {
    tiny: t,
    sql,
    callers: { deputy, admin, math, secretary },
  } = schoolFixture({
    school: 'tiny',
    now: '2026-06-01T10:00:00',
    accounts: { admin: 'admin', secretary: 'secretary' },
    as: { deputy: 'zavuch', admin: 'admin', math: 'math', secretary: 'secretary' },
  });
  const order = { orderNumber: 'П-15', orderDate: '2026-05-29' };
  const status = () => deputy.value(contract.years.status, {});

  beforeAll(async () => {
    const w = writers(sql);
    const at = '2025-08-20 10:00:00';
    // Year marks: a «2» in mathematics for Дмитриев, everything else of 5А and 10А a «4»; PE only for two.
    for (const [key, id] of Object.entries(t.students)) {
      if (key.startsWith('first') || key === 'H') continue;
      const tenth = key === 'K' || key === 'L';
      for (const [subject, assignment] of tenth
        ? [
            [t.subjects.mat, t.assignments.mat10],
            [t.subjects.rus, t.assignments.rus10],
          ]
        : [
            [t.subjects.mat, t.assignments.mat5],
            [t.subjects.rus, t.assignments.rus5],
          ]) {
        w.periodMark(
          id,
          subject!,
          t.year,
          'year',
          null,
          key === 'E' && subject === t.subjects.mat ? '2' : '4',
          assignment!,
          at,
          t.users.math,
        );
      }
    }
    // The 5А's mathematics moved from Monday to Tuesday in January: the week at the year's end is the one carried.
    w.timetable(t.year, t.assignments.mat5, 1, 2, '2025-09-01', '2025-12-31', '12');
    w.timetable(t.year, t.assignments.mat5, 2, 3, '2026-01-01', null, '14');
    w.timetable(t.year, t.assignments.rus10, 3, 1, '2025-09-01', null, null);
  });

  it('lists the missing period and year marks of every journal, for the students on its list at the term’s end', async () => {
    const s = await status();
    const pe = s.gaps.find(
      (g) => g.className === '5А' && g.subjectName === 'Физическая культура' && g.periodName === '1 четверть',
    );
    // Зайцева left on 10 October, before the quarter ended: no mark is owed for her.
    expect(pe).toMatchObject({
      assignmentId: t.assignments.pe5,
      periodId: t.periods.q1,
      students: ['Борисова Иван', 'Васильев Иван', 'Григорьева Иван', 'Дмитриев Иван', 'Егорова Иван'],
    });
    expect(
      s.gaps.find((g) => g.subjectName === 'Математика' && g.className === '5А' && g.periodName === 'год'),
    ).toBeUndefined();
    expect(s.gaps.some((g) => g.className === '1А')).toBe(false);
    expect(s.gaps.find((g) => g.subgroupName === '2 группа' && g.periodName === 'год')?.students).toEqual([
      'Дмитриев Иван',
      'Егорова Иван',
      'Жуков Иван',
    ]);
  });

  it('proposes the decisions from the year marks', async () => {
    const s = await status();
    const by = (name: string) => s.students.find((r) => r.name === name);
    expect(by('Дмитриев Иван')).toMatchObject({
      className: '5А',
      debts: ['Математика'],
      proposed: 'conditional',
      decided: null,
    });
    expect(by('Алексеев Иван')).toMatchObject({ proposed: 'promoted' });
    expect(by('Кузнецов Иван')).toMatchObject({ className: '10А', proposed: 'promoted' });
    expect(by('Зайцева Иван')).toBeUndefined();
    expect(s.students).toHaveLength(11);
  });

  it('closes the year only once every student has a decision and the missing marks are acknowledged', async () => {
    const s = await status();
    expect(await deputy.send(contract.years.close, { yearId: t.year, ...order })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Не приняты решения по 11 ученикам') },
    });
    expect(
      await deputy.send(contract.years.decide, {
        yearId: t.year,
        decisions: [{ studentId: t.students.A, outcome: 'graduated' }],
        ...order,
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('выпускают только 9 и 11') } });
    const decisions = s.students.map((r) => ({
      studentId: r.studentId,
      outcome: r.studentId === t.students.G ? ('retained' as const) : r.proposed,
    }));
    expect(await secretary.send(contract.years.decide, { yearId: t.year, decisions, ...order })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await deputy.send(contract.years.decide, { yearId: t.year, decisions, ...order })).toMatchObject({
      ok: true,
      value: { saved: 11 },
    });
    expect(await deputy.send(contract.years.close, { yearId: t.year, ...order })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Не выставлено \d+ итоговых отметок/) },
    });
    expect(await deputy.send(contract.years.close, { yearId: t.year, acceptGaps: true, ...order })).toMatchObject({
      ok: true,
    });
    expect((await status()).closed).toMatchObject({ orderNumber: 'П-15' });
  });

  it('refuses every write to the closed year in Russian, and still reports and shows it', async () => {
    const locked = {
      ok: false,
      error: { kind: 'locked', message: expect.stringContaining('2025/2026 учебный год закрыт') },
    };
    expect(
      await math.send(contract.journal.setMark, { lessonId: t.lessons.mat0902, studentId: t.students.C, value1: '5' }),
    ).toMatchObject(locked);
    expect(
      await math.send(contract.journal.setAbsence, { lessonId: t.lessons.mat0902, studentId: t.students.C, code: 'н' }),
    ).toMatchObject(locked);
    expect(
      await math.send(contract.journal.setPeriodMark, {
        assignmentId: t.assignments.mat5,
        studentId: t.students.C,
        kind: 'year',
        value: '5',
      }),
    ).toMatchObject(locked);
    expect(
      await math.send(contract.lessons.update, { lessonId: t.lessons.mat0902, topic: 'Новая тема' }),
    ).toMatchObject(locked);
    expect(
      await admin.send(contract.movement.leave, { studentId: t.students.A, date: '2026-05-20', to: 'Лицей', ...order }),
    ).toMatchObject(locked);
    expect(await deputy.send(contract.periods.lock, { periodId: t.periods.q2 })).toMatchObject(locked);
    expect(
      await deputy.send(contract.years.decide, {
        yearId: t.year,
        decisions: [{ studentId: t.students.A, outcome: 'retained' }],
        ...order,
      }),
    ).toMatchObject(locked);
    const { calendar } = await admin.value(contract.calendar.get, { yearId: t.year });
    expect(
      await admin.send(contract.structure.saveClass, {
        yearId: t.year,
        grade: 5,
        letter: 'В',
        shift: 1,
        classTeacherId: null,
      }),
    ).toMatchObject(locked);
    expect(await admin.send(contract.timetable.generate, {})).toMatchObject(locked);
    expect(await admin.send(contract.calendar.save, { yearId: t.year, calendar })).toMatchObject(locked);
    expect(
      await math.send(contract.journal.grid, { assignmentId: t.assignments.mat5, periodId: t.periods.q1 }),
    ).toMatchObject({ ok: true });
    const outcomes = await deputy.value(contract.reports.outcomes, { yearId: t.year });
    expect(outcomes.data.rows.find((r) => r.name === 'Дмитриев Иван')).toMatchObject({ outcome: 'переведён условно' });
  });

  it('opens the next year: classes a grade up, students where the decisions send them, teachers, assignments and the timetable carried', async () => {
    const next = { fromYearId: t.year, name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-31' };
    expect(await deputy.send(contract.years.prepareNext, next)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const r = await admin.send(contract.years.prepareNext, next);
    expect(r).toMatchObject({
      ok: true,
      value: { message: expect.stringContaining('переведено 10, оставлено 1, выпущено 0') },
    });
    expect(r.ok && r.value.message).toContain('уроков в расписании — 2');
    expect(await admin.send(contract.years.prepareNext, next)).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    const year = sql.prepare(`select id, is_current as cur from school_years where name = '2026/2027'`).get() as {
      id: number;
      cur: number;
    };
    expect(year.cur).toBe(1);
    const classes = sql
      .prepare('select grade || letter as name, class_teacher_id as t from classes where year_id = ? order by grade')
      .all(year.id);
    expect(classes).toEqual([
      { name: '1А', t: null },
      { name: '2А', t: null },
      { name: '5А', t: null },
      { name: '6А', t: t.users.klruk },
      { name: '11А', t: null },
    ]);
    const roll = (name: string) =>
      sql
        .prepare(
          `select s.last_name as n from class_enrollments e join students s on s.id = e.student_id join classes c on c.id = e.class_id where c.year_id = ? and c.grade || c.letter = ? and e.start_date = '2026-09-01' order by 1`,
        )
        .all(year.id, name)
        .map((x) => (x as { n: string }).n);
    expect(roll('6А')).toEqual(['Алексеев', 'Борисова', 'Васильев', 'Григорьева', 'Дмитриев', 'Егорова']);
    expect(roll('5А')).toEqual(['Жуков']);
    expect(roll('2А')).toEqual(['Первоклассов', 'Первоклассова']);
    expect(roll('11А')).toEqual(['Кузнецов', 'Лебедева']);
    // The old stays end with the old year; periods and assignments come along a year later.
    expect(
      sql
        .prepare(
          `select count(*) as n from class_enrollments e join classes c on c.id = e.class_id where c.year_id = ? and e.end_date is null`,
        )
        .get(t.year),
    ).toEqual({ n: 0 });
    expect(
      sql
        .prepare(
          `select name, start_date as s, end_date as e from periods where year_id = ? and scheme = 'quarters' order by number`,
        )
        .all(year.id),
    ).toEqual([
      { name: '1 четверть', s: '2026-09-01', e: '2026-10-26' },
      { name: '2 четверть', s: '2026-11-05', e: '2026-12-28' },
    ]);
    expect(
      sql
        .prepare(
          `select u.login, s.name from assignments a join users u on u.id = a.teacher_id join subjects s on s.id = a.subject_id join classes c on c.id = a.class_id where a.year_id = ? and c.grade = 6 and a.subgroup_id is not null order by u.login`,
        )
        .all(year.id),
    ).toEqual([
      { login: 'eng1', name: 'Английский язык' },
      { login: 'eng2', name: 'Английский язык' },
    ]);
    // The timetable at the old year's end, on the carried assignments, from the new year's first day: for review.
    expect(
      sql
        .prepare(
          `select c.grade || c.letter as cls, s.name, t.weekday, t.lesson_number as n, t.room, t.valid_from as f, t.valid_to as u from timetable t join assignments a on a.id = t.assignment_id join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id where t.year_id = ? order by c.grade`,
        )
        .all(year.id),
    ).toEqual([
      { cls: '6А', name: 'Математика', weekday: 2, n: 3, room: '14', f: '2026-09-01', u: null },
      { cls: '11А', name: 'Русский язык', weekday: 3, n: 1, room: null, f: '2026-09-01', u: null },
    ]);
    expect(
      sql
        .prepare(`select count(*) as n from lessons l join assignments a on a.id = l.assignment_id where a.year_id = ?`)
        .get(year.id),
    ).toEqual({ n: 0 });
    expect(
      sql
        .prepare(
          `select g.name from subgroup_members m join subgroups g on g.id = m.subgroup_id join classes c on c.id = g.class_id where c.year_id = ? and m.student_id = ?`,
        )
        .all(year.id, t.students.A),
    ).toEqual([{ name: '1 группа' }]);
    // The new year is open for work, the old one still readable.
    expect(await secretary.send(contract.movement.classes, {})).toMatchObject({
      ok: true,
      value: { yearName: '2026/2027', closed: false },
    });
    expect(
      await math.send(contract.journal.grid, { assignmentId: t.assignments.mat5, periodId: t.periods.q1 }),
    ).toMatchObject({ ok: true });
  });
});
