// Period-mark deadlines on the hand-built school: the calendar sets the date, «Мой день» warns from three days
// before, the control report lists what is overdue. Today is 24 October 2025; the 1st quarter ends on the 26th.
import { beforeAll, describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

describe('period-mark deadlines', () => {
  const {
    core,
    sql,
    tiny: school,
    callers: { admin, deputy, pe, math, klruk, eng1, eng2 },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-10-24T10:00:00',
    accounts: { admin: 'admin' },
    as: { admin: 'admin', deputy: 'zavuch', pe: 'pe', math: 'math', klruk: 'klruk', eng1: 'eng1', eng2: 'eng2' },
  });

  beforeAll(() => {
    // The rest of the year's periods, so that the calendar is whole and can be saved; marks lock their dates.
    const insert = sql.prepare(
      `insert into periods (year_id, scheme, number, name, start_date, end_date) values (?, ?, ?, ?, ?, ?)`,
    );
    insert.run(school.year, 'quarters', 3, '3 четверть', '2026-01-12', '2026-03-20');
    insert.run(school.year, 'quarters', 4, '4 четверть', '2026-03-30', '2026-05-31');
    insert.run(school.year, 'half_years', 2, '2 полугодие', '2026-01-12', '2026-05-31');
  });

  async function setDue(date: string) {
    const { yearId, calendar, periodsLocked } = await admin.value(contract.calendar.get, {});
    expect(periodsLocked).toBe(true); // the due date may change after marks are given, the dates may not
    const periods = calendar.periods.map((p) =>
      p.scheme === 'quarters' && p.number === 1 ? { ...p, marksDueDate: date } : p,
    );
    await admin.value(contract.calendar.save, { yearId, calendar: { ...calendar, periods } });
  }
  const due = async (caller: typeof pe) => (await caller.value(contract.day.mine, {})).periodMarksDue;
  const overdue = async () =>
    (await deputy.value(contract.reports.control, { from: '2025-09-01', to: '2025-10-24' })).data.overduePeriodMarks;

  it('the calendar keeps the date by which a period’s marks are due, and refuses one outside the year', async () => {
    await setDue('2025-10-27');
    const { calendar } = await admin.value(contract.calendar.get, {});
    expect(calendar.periods.find((p) => p.scheme === 'quarters' && p.number === 1)?.marksDueDate).toBe('2025-10-27');
    const bad = await admin.send(contract.calendar.save, {
      yearId: school.year,
      calendar: {
        ...calendar,
        periods: calendar.periods.map((p) => (p.number === 1 ? { ...p, marksDueDate: '2026-06-05' } : p)),
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('срок отметок') },
    });
  });

  it('warns the teacher three days before: which journals lack period marks, and how many students', async () => {
    await setDue('2025-10-27'); // today + 3
    // PE 5А: on the roll at the quarter's end are A…G (H left on 10 October); only A «зач» and G «осв» have a mark.
    expect(await due(pe)).toEqual([
      {
        assignmentId: school.assignments.pe5,
        periodId: school.periods.q1,
        periodName: '1 четверть',
        dueDate: '2025-10-27',
        className: '5А',
        subjectName: 'Физическая культура',
        subgroupName: null,
        studentsWithoutMark: 5,
        overdue: false,
      },
    ]);
    // Every other journal is complete: the English groups count only their own students (H, who left, not at
    // all), the 1st grade gets no marks, and the half-year of 10А is not due until December.
    for (const teacher of [math, klruk, eng1, eng2]) expect(await due(teacher)).toEqual([]);
    // Not yet due within three days: no warning; nothing is overdue for the deputy either.
    await setDue('2025-10-28');
    expect(await due(pe)).toEqual([]);
    expect(await overdue()).toEqual([]);
  });

  it('once the date has passed, «Мой день» says overdue and the control report lists the journal until it is complete', async () => {
    await setDue('2025-10-23');
    expect(await due(pe)).toMatchObject([
      { assignmentId: school.assignments.pe5, overdue: true, studentsWithoutMark: 5 },
    ]);
    expect(await overdue()).toEqual([
      {
        assignmentId: school.assignments.pe5,
        periodId: school.periods.q1,
        periodName: '1 четверть',
        dueDate: '2025-10-23',
        className: '5А',
        subjectName: 'Физическая культура',
        subgroupName: null,
        teacherName: 'Спортова А. П.',
        studentsWithoutMark: 5,
      },
    ]);
    const report = await deputy.value(contract.reports.control, { from: '2025-09-01', to: '2025-10-24' });
    const table = report.tables.find((t) => t.title === 'Просроченные отметки за период');
    expect(table?.rows).toEqual([['5А Физическая культура', 'Спортова А. П.', '1 четверть', '23.10.2025', 5]]);
    // A check of an earlier range does not yet see the deadline.
    expect(
      (await deputy.value(contract.reports.control, { from: '2025-09-01', to: '2025-10-22' })).data.overduePeriodMarks,
    ).toEqual([]);

    const w = writers(core.db.$client);
    const { students: s, subjects, assignments: a, users: u } = school;
    for (const id of [s.B, s.C, s.D, s.E])
      w.periodMark(
        id,
        subjects.phys,
        school.year,
        'period',
        school.periods.q1,
        'зач',
        a.pe5,
        '2025-10-24 09:00:00',
        u.pe,
      );
    expect(await due(pe)).toMatchObject([{ studentsWithoutMark: 1 }]);
    w.periodMark(
      s.F,
      subjects.phys,
      school.year,
      'period',
      school.periods.q1,
      'зач',
      a.pe5,
      '2025-10-24 09:00:00',
      u.pe,
    );
    expect(await due(pe)).toEqual([]);
    expect(await overdue()).toEqual([]);
  });
});
