import { beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentSummary } from '../../src/shared/contract';
import { contract } from '../../src/shared/contract';
import type { Caller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';

describe('the journal grid from the demo school', () => {
  const {
    core,
    callers: { teacher, deputy },
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel', deputy: 'zavuch' } });
  let mine: AssignmentSummary[] = [];

  beforeAll(async () => {
    mine = await teacher.value(contract.journal.assignments, {});
  });

  async function gridOf(caller: Caller, assignment: AssignmentSummary) {
    const periods = await caller.send(contract.school.periods, { yearId: assignment.yearId, grade: assignment.grade });
    if (!periods.ok) throw new Error(periods.error.message);
    const list = periods.value;
    const period = list.find((p) => p.startDate <= '2026-11-24' && p.endDate >= '2026-11-24') ?? list[0]!;
    return {
      period,
      result: await caller.send(contract.journal.grid, { assignmentId: assignment.id, periodId: period.id }),
    };
  }

  it('lists the teacher’s own journals, maths in 5А among them', () => {
    expect(mine.some((a) => a.className === '5А' && a.subjectName === 'Математика')).toBe(true);
    expect(mine.every((a) => a.teacherName.length > 0)).toBe(true);
  });

  it('shows exactly the marks and absences the database holds, students in alphabetical order', async () => {
    const maths = mine.find((a) => a.className === '5А' && a.subjectName === 'Математика')!;
    const { period, result } = await gridOf(teacher, maths);
    if (!result.ok) throw new Error(result.error.message);
    const grid = result.value;
    const sql = core.db.$client;
    const inPeriod = 'from lessons l where l.assignment_id = ? and l.date between ? and ?';
    const counts = (table: string) =>
      (
        sql
          .prepare(
            `select count(*) as n from ${table} x join lessons l on l.id = x.lesson_id where l.assignment_id = ? and l.date between ? and ?`,
          )
          .get(maths.id, period.startDate, period.endDate) as { n: number }
      ).n;
    expect(grid.lessons.length).toBe(
      (sql.prepare(`select count(*) as n ${inPeriod}`).get(maths.id, period.startDate, period.endDate) as { n: number })
        .n,
    );
    expect(grid.marks.length).toBe(counts('marks'));
    expect(grid.absences.length).toBe(counts('absences'));
    expect(grid.marks.length).toBeGreaterThan(20);
    const names = grid.students.map((s) => s.fullName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
    expect(grid.students.map((s) => s.number)).toEqual(names.map((_, i) => i + 1));
    const dates = grid.lessons.map((l) => `${l.date}#${l.lessonNumber}`);
    expect(dates).toEqual([...dates].sort());
  });

  it('refuses another teacher’s journal but lets the deputy read every journal', async () => {
    const everyone = await deputy.value(contract.journal.assignments, {});
    expect(everyone.length).toBeGreaterThan(mine.length);
    const foreign = everyone.find((a) => !mine.some((m) => m.id === a.id))!;
    const { result } = await gridOf(teacher, foreign);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const asDeputy = await gridOf(deputy, foreign);
    expect(asDeputy.result.ok).toBe(true);
  });

  it('answers a missing journal with not_found', async () => {
    expect(await deputy.send(contract.journal.grid, { assignmentId: 999_999, periodId: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});

describe('the whole year’s grid', () => {
  const {
    core,
    callers: { teacher },
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel' } });

  it('holds every lesson of the year and the year marks', async () => {
    const list = await teacher.value(contract.journal.assignments, {});
    const maths = list.find((a) => a.className === '5А' && a.subjectName === 'Математика')!;
    const grid = await teacher.value(contract.journal.grid, { assignmentId: maths.id, periodId: 'year' });
    const sql = core.db.$client;
    expect(grid.scope).toBe('year');
    expect(grid.period.name).toBe('Год');
    expect(grid.lessons.length).toBe(
      (sql.prepare('select count(*) as n from lessons where assignment_id = ?').get(maths.id) as { n: number }).n,
    );
    const student = grid.students[0]!.id;
    expect(
      await teacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId: student,
        kind: 'year',
        value: '4',
      }),
    ).toMatchObject({ ok: true });
    const again = await teacher.value(contract.journal.grid, { assignmentId: maths.id, periodId: 'year' });
    expect(again.periodMarks.find((p) => p.studentId === student)?.value).toBe('4');
  });
});
