import { beforeAll, describe, expect, it } from 'vitest';
import { missedDays } from '../../src/core/attendance/missed';
import type { ClassLesson } from '../../src/core/attendance/load';
import { contract } from '../../src/shared/contract';
import type { Caller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';
import { actionsSince, lastAuditId, refusals } from '../helpers/audit';

// The class teacher's week on the small demo school (today 2026-11-24, a Tuesday); klruk leads 5А.
describe('the class teacher’s attendance', () => {
  const {
    sql,
    callers: { klruk, teacher, deputy },
    logIn,
  } = schoolFixture({ school: 'demo', as: { klruk: 'klruk', teacher: 'uchitel', deputy: 'zavuch' } });
  let otherClassTeacher: Caller;
  const week = '2026-11-16';
  let classId = 0;
  let studentId = 0;
  const count = (table: string) => (sql.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const snapshot = () => sql.prepare('select lesson_id, student_id, code from absences order by id').all();

  /** The lessons of 5А a student was due at on a date (their subgroup's only), in order. */
  const lessonsOf = (date: string, student: number) =>
    sql
      .prepare(
        `select l.id from lessons l join assignments a on a.id = l.assignment_id
         where a.class_id = ? and l.date = ? and l.status != 'not_held'
           and (a.subgroup_id is null or exists (select 1 from subgroup_members m where m.subgroup_id = a.subgroup_id and m.student_id = ?
                and m.start_date <= l.date and (m.end_date is null or m.end_date >= l.date)))
         order by l.lesson_number`,
      )
      .all(classId, date, student)
      .map((r) => (r as { id: number }).id);

  /** Makes the student's record of a day exactly `codes` (one per due lesson; null = present), as teachers would. */
  function setDay(date: string, codes: (string | null)[]) {
    const ids = lessonsOf(date, studentId);
    expect(ids.length).toBe(codes.length);
    ids.forEach((lessonId, i) => {
      sql.prepare('delete from marks where lesson_id = ? and student_id = ?').run(lessonId, studentId);
      sql.prepare('delete from absences where lesson_id = ? and student_id = ?').run(lessonId, studentId);
      if (codes[i])
        sql
          .prepare('insert into absences (lesson_id, student_id, code) values (?, ?, ?)')
          .run(lessonId, studentId, codes[i]);
    });
  }

  beforeAll(async () => {
    const own = sql
      .prepare(
        `select c.id from classes c join users u on u.id = c.class_teacher_id join school_years y on y.id = c.year_id and y.is_current = 1 where u.login = 'klruk'`,
      )
      .get() as { id: number };
    classId = own.id;
    studentId = (
      sql
        .prepare(
          'select student_id as id from class_enrollments where class_id = ? and end_date is null order by student_id limit 1',
        )
        .get(classId) as { id: number }
    ).id;
    const other = sql
      .prepare(
        `select u.login from classes c join users u on u.id = c.class_teacher_id join school_years y on y.id = c.year_id and y.is_current = 1 where c.id != ? limit 1`,
      )
      .get(classId) as { login: string };
    otherClassTeacher = await logIn(other.login);
  });

  it('lists the class teacher’s own class, every class to the deputy, none to a subject teacher', async () => {
    expect(await klruk.send(contract.attendance.classes, {})).toEqual({
      ok: true,
      value: [{ id: classId, name: '5А', isOwn: true }],
    });
    const all = await deputy.value(contract.attendance.classes, {});
    expect(all.length).toBe(count('classes where year_id = (select id from school_years where is_current = 1)'));
    expect(await teacher.send(contract.attendance.classes, {})).toEqual({ ok: true, value: [] });
  });

  it('shows the week across every subject with the codes exactly as the subject teachers entered them', async () => {
    const w = await klruk.value(contract.attendance.week, { classId, weekStart: '2026-11-18' });
    expect(w.weekStart).toBe(week);
    expect(w.days.slice(0, 5)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    const inDb = sql
      .prepare(
        `select ab.lesson_id as lessonId, ab.student_id as studentId, ab.code from absences ab join lessons l on l.id = ab.lesson_id
         join assignments a on a.id = l.assignment_id where a.class_id = ? and l.date between '2026-11-16' and '2026-11-22' order by 1, 2`,
      )
      .all(classId);
    expect(inDb.length).toBeGreaterThan(0);
    const shown = [...w.absences].sort((a, b) => a.lessonId - b.lessonId || a.studentId - b.studentId);
    expect(shown).toEqual(inDb);
    const lessonsInDb = sql
      .prepare(
        `select count(*) as n from lessons l join assignments a on a.id = l.assignment_id where a.class_id = ? and l.date between '2026-11-16' and '2026-11-22' and l.status != 'not_held'`,
      )
      .get(classId) as { n: number };
    expect(w.lessons.length).toBe(lessonsInDb.n);
    expect(w.students.length).toBe(
      (
        sql
          .prepare('select count(*) as n from class_enrollments where class_id = ? and end_date is null')
          .get(classId) as { n: number }
      ).n,
    );
  });

  it('counts a day as missed only when every lesson of it was missed; being late is attendance', async () => {
    const date = '2026-11-17';
    const n = lessonsOf(date, studentId).length;
    expect(n).toBeGreaterThan(2);
    const missed = async () => {
      const { missedDays } = await klruk.value(contract.attendance.week, { classId, weekStart: week });
      return missedDays.some((m) => m.studentId === studentId && m.date === date);
    };
    setDay(
      date,
      Array.from({ length: n }, (_, i) => (i % 2 ? 'б' : 'н')),
    );
    expect(await missed()).toBe(true);
    setDay(
      date,
      Array.from({ length: n }, (_, i) => (i === n - 1 ? 'оп' : 'н')),
    );
    expect(await missed()).toBe(false);
    setDay(
      date,
      Array.from({ length: n }, (_, i) => (i === 0 ? null : 'у')),
    );
    expect(await missed()).toBe(false);
  });

  it('does not count a lesson of another subgroup as one the student could miss', () => {
    const lesson = (id: number, subgroupId: number | null): ClassLesson => ({
      id,
      date: '2026-11-17',
      lessonNumber: id,
      subjectName: 's',
      subjectOrder: 0,
      teacherName: 't',
      subgroupId,
      subgroupName: null,
    });
    const data = {
      lessons: [lesson(1, null), lesson(2, 7), lesson(3, 8)],
      dueAt: new Map([
        [1, [10, 11]],
        [2, [10]],
        [3, [11]],
      ]),
      absences: [
        { lessonId: 1, studentId: 10, code: 'н' as const },
        { lessonId: 2, studentId: 10, code: 'б' as const },
        { lessonId: 1, studentId: 11, code: 'н' as const },
      ],
    };
    expect(missedDays(data)).toEqual([{ studentId: 10, date: '2026-11-17' }]);
  });

  it('turns the student’s «н» in a date range into «б», audited with the reason, and the subject teacher’s grid shows it', async () => {
    setDay(
      '2026-11-16',
      lessonsOf('2026-11-16', studentId).map((_, i) => (i === 0 ? 'н' : null)),
    );
    setDay(
      '2026-11-17',
      lessonsOf('2026-11-17', studentId).map((_, i) => (i === 1 ? 'оп' : 'н')),
    );
    setDay(
      '2026-11-18',
      lessonsOf('2026-11-18', studentId).map(() => 'н'),
    );
    setDay(
      '2026-11-19',
      lessonsOf('2026-11-19', studentId).map((_, i) => (i === 0 ? 'н' : null)),
    );
    const inRange =
      lessonsOf('2026-11-16', studentId).slice(0, 1).length +
      lessonsOf('2026-11-17', studentId).length -
      1 +
      lessonsOf('2026-11-18', studentId).length;
    const audit = count('audit_log');
    const reason = 'Справка № 14 из поликлиники';
    expect(
      await klruk.send(contract.attendance.setReason, {
        classId,
        studentId,
        from: '2026-11-16',
        to: '2026-11-18',
        code: 'б',
        reason,
      }),
    ).toEqual({ ok: true, value: { changed: inRange } });
    const codesOn = (date: string) =>
      lessonsOf(date, studentId).map(
        (id) =>
          (
            sql.prepare('select code from absences where lesson_id = ? and student_id = ?').get(id, studentId) as
              { code: string } | undefined
          )?.code ?? null,
      );
    expect(codesOn('2026-11-16')[0]).toBe('б');
    expect(codesOn('2026-11-17')).toEqual(codesOn('2026-11-17').map((_, i) => (i === 1 ? 'оп' : 'б')));
    expect(new Set(codesOn('2026-11-18'))).toEqual(new Set(['б']));
    expect(codesOn('2026-11-19')[0]).toBe('н');
    expect(count('audit_log')).toBe(audit + inRange);
    const last = sql
      .prepare(
        'select user_id as userId, old_value as oldValue, new_value as newValue, reason from audit_log order by id desc limit 1',
      )
      .get();
    expect(last).toEqual({
      userId: (sql.prepare("select id from users where login = 'klruk'").get() as { id: number }).id,
      oldValue: '"н"',
      newValue: '"б"',
      reason,
    });

    // The subject teacher of one of those lessons opens the journal and sees «б».
    const target = sql
      .prepare(
        `select l.id as lessonId, a.id as assignmentId, u.login, p.id as periodId from lessons l join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
         join classes c on c.id = a.class_id join grade_period_schemes g on g.year_id = a.year_id and g.grade = c.grade
         join periods p on p.year_id = a.year_id and p.scheme = g.scheme and l.date between p.start_date and p.end_date
         where l.id = ?`,
      )
      .get(lessonsOf('2026-11-18', studentId)[0]) as {
      lessonId: number;
      assignmentId: number;
      login: string;
      periodId: number;
    };
    const subjectTeacher = await logIn(target.login);
    const grid = await subjectTeacher.value(contract.journal.grid, {
      assignmentId: target.assignmentId,
      periodId: target.periodId,
    });
    expect(grid.absences).toContainEqual({
      lessonId: target.lessonId,
      studentId,
      code: 'б',
    });
    // …and the cell's history names the class teacher and the note.
    const history = await subjectTeacher.value(contract.journal.cellHistory, { lessonId: target.lessonId, studentId });
    expect(history.at(-1)).toMatchObject({
      action: 'absence.set',
      oldValue: 'н',
      newValue: 'б',
      reason,
      userName: expect.stringMatching(/^\S+ \S\. \S\.$/),
    });
  });

  it('refuses everyone but the class’s own class teacher, and a refused call changes nothing', async () => {
    setDay(
      '2026-11-19',
      lessonsOf('2026-11-19', studentId).map(() => 'н'),
    );
    const before = snapshot();
    const audit = lastAuditId(sql);
    const checks = count('attendance_checks');
    const input = {
      classId,
      studentId,
      from: '2026-11-19',
      to: '2026-11-19',
      code: 'у' as const,
      reason: 'Заявление родителей',
    };
    expect(await teacher.send(contract.attendance.setReason, input)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await deputy.send(contract.attendance.setReason, input)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await otherClassTeacher.send(contract.attendance.setReason, input)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringMatching(/классный руководитель/) },
    });
    expect(await otherClassTeacher.send(contract.attendance.confirmWeek, { classId, weekStart: week })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await deputy.send(contract.attendance.confirmWeek, { classId, weekStart: week })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await teacher.send(contract.attendance.week, { classId, weekStart: week })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await otherClassTeacher.send(contract.attendance.week, { classId, weekStart: week })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await klruk.send(contract.attendance.schoolDay, { date: '2026-11-19' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    // Bad input from the class teacher: refused in Russian, nothing changes either.
    expect(await klruk.send(contract.attendance.setReason, { ...input, from: '2026-11-20' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/позже/) },
    });
    expect(await klruk.send(contract.attendance.setReason, { ...input, reason: '' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/основание/) },
    });
    // «н» is no reason's code: the contract itself refuses it, so the call goes by the channel's name.
    expect(await klruk.invoke('attendance:setReason', { ...input, code: 'н' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    const stranger = (
      sql.prepare('select student_id as id from class_enrollments where class_id != ? limit 1').get(classId) as {
        id: number;
      }
    ).id;
    expect(await klruk.send(contract.attendance.setReason, { ...input, studentId: stranger })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/не числится/) },
    });
    expect(snapshot()).toEqual(before);
    expect(actionsSince(sql, audit)).toEqual(refusals(8));
    expect(count('attendance_checks')).toBe(checks);
  });

  it('in a closed period takes the note only when its reason is long enough to be a correction', async () => {
    const period = sql
      .prepare(
        `select p.id from periods p join grade_period_schemes g on g.year_id = p.year_id and g.scheme = p.scheme and g.grade = 5 where '2026-11-19' between p.start_date and p.end_date`,
      )
      .get() as { id: number };
    sql
      .prepare("insert into period_locks (period_id, locked_at, locked_by) values (?, '2026-11-24 09:00:00', 1)")
      .run(period.id);
    const before = snapshot();
    expect(
      await klruk.send(contract.attendance.setReason, {
        classId,
        studentId,
        from: '2026-11-19',
        to: '2026-11-19',
        code: 'у',
        reason: 'Закл',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(snapshot()).toEqual(before);
    const r = await klruk.send(contract.attendance.setReason, {
      classId,
      studentId,
      from: '2026-11-19',
      to: '2026-11-19',
      code: 'у',
      reason: 'Заявление родителей',
    });
    expect(r).toMatchObject({ ok: true, value: { changed: lessonsOf('2026-11-19', studentId).length } });
    sql.prepare("update period_locks set unlocked_at = '2026-11-24 10:00:00', unlocked_by = 1").run();
  });

  it('keeps who confirmed the week and when, and refuses a week still to come', async () => {
    expect(
      await klruk.send(contract.attendance.confirmWeek, {
        classId,
        weekStart: '2026-11-19',
        note: 'Сверено с учителями',
      }),
    ).toEqual({ ok: true, value: null });
    const row = sql
      .prepare(
        'select c.week_start as weekStart, u.login, c.checked_at as checkedAt, c.note from attendance_checks c join users u on u.id = c.checked_by where c.class_id = ? and c.week_start = ?',
      )
      .get(classId, week);
    expect(row).toEqual({
      weekStart: week,
      login: 'klruk',
      checkedAt: '2026-11-24 10:00:00',
      note: 'Сверено с учителями',
    });
    const shown = await deputy.send(contract.attendance.week, { classId, weekStart: week });
    expect(shown).toMatchObject({
      ok: true,
      value: {
        check: {
          checkedAt: '2026-11-24 10:00:00',
          note: 'Сверено с учителями',
          checkedBy: expect.stringMatching(/\./),
        },
      },
    });
    expect(sql.prepare("select count(*) as n from audit_log where action = 'attendance.confirm'").get()).toEqual({
      n: 1,
    });
    expect(await klruk.send(contract.attendance.confirmWeek, { classId, weekStart: '2026-11-30' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/ещё не началась/) },
    });
  });

  it('shows the deputy the school’s day: each class with its absent students and counts', async () => {
    const date = '2026-11-18';
    const day = await deputy.value(contract.attendance.schoolDay, { date });
    expect(day.classes.length).toBe(
      count('classes where year_id = (select id from school_years where is_current = 1)'),
    );
    const fiveA = day.classes.find((c) => c.classId === classId);
    const name = sql
      .prepare(
        "select last_name || ' ' || first_name || coalesce(' ' || middle_name, '') as n from students where id = ?",
      )
      .get(studentId) as { n: string };
    // Every lesson of 18.11 was turned into «б» above: a whole day missed.
    expect(fiveA?.students.find((s) => s.fullName === name.n)).toEqual({
      fullName: name.n,
      codes: lessonsOf(date, studentId).map(() => 'б'),
      allDay: true,
    });
    expect(fiveA?.absentAllDay).toBeGreaterThan(0);
    const absentInDb = sql
      .prepare(
        `select count(distinct ab.student_id) as n from absences ab join lessons l on l.id = ab.lesson_id join assignments a on a.id = l.assignment_id
         where l.date = ? and a.class_id in (select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1)`,
      )
      .get(date) as { n: number };
    expect(day.classes.reduce((s, c) => s + c.students.length, 0)).toBe(absentInDb.n);
  });
});
