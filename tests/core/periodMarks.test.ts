import { beforeAll, describe, expect, it } from 'vitest';
import { suggestYearMark } from '../../src/core/journal/finals';
import type { AssignmentSummary } from '../../src/shared/contract';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { actionsSince, lastAuditId, refusals } from '../helpers/audit';

describe('period, year, exam and final marks', () => {
  const {
    sql,
    callers: { teacher, classTeacher, secretary },
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel', classTeacher: 'klruk', secretary: 'secretary' } });
  let maths: AssignmentSummary;
  let studentId = 0;
  let q2 = 0;
  const stored = (kind: string) =>
    sql
      .prepare(`select value from period_marks where student_id = ? and subject_id = ? and kind = ? order by period_id`)
      .all(studentId, maths.subjectId, kind);

  beforeAll(async () => {
    const list = await teacher.value(contract.journal.assignments, {});
    maths = list.find((a) => a.className === '5А' && a.subjectName === 'Математика')!;
    studentId = (
      sql
        .prepare(`select student_id as id from class_enrollments where class_id = ? and end_date is null limit 1`)
        .get(maths.classId) as { id: number }
    ).id;
    q2 = (sql.prepare(`select id from periods where scheme = 'quarters' and number = 2`).get() as { id: number }).id;
  });

  it('sets, changes and clears a quarter mark, each step audited', async () => {
    for (const value of ['4', '5', null] as const) {
      expect(
        await teacher.send(contract.journal.setPeriodMark, {
          assignmentId: maths.id,
          studentId,
          kind: 'period',
          periodId: q2,
          value,
        }),
      ).toMatchObject({ ok: true, value });
    }
    expect(
      sql
        .prepare(`select count(*) as n from period_marks where student_id = ? and period_id = ? and subject_id = ?`)
        .get(studentId, q2, maths.subjectId),
    ).toEqual({ n: 0 });
    const log = sql
      .prepare(
        `select action, old_value, new_value from audit_log where entity = 'period_mark' and entity_id = ? order by id`,
      )
      .all(`${studentId}:${maths.subjectId}:period:${q2}`);
    expect(log).toEqual([
      { action: 'period_mark.set', old_value: 'null', new_value: '"4"' },
      { action: 'period_mark.set', old_value: '"4"', new_value: '"5"' },
      { action: 'period_mark.clear', old_value: '"5"', new_value: 'null' },
    ]);
  });

  it('sets the year, exam and final marks apart from the quarters', async () => {
    expect(
      await teacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'year',
        value: '4',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await teacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'final',
        value: 'зач',
      }),
    ).toMatchObject({ ok: true });
    expect(stored('year')).toEqual([{ value: '4' }]);
    expect(stored('final')).toEqual([{ value: 'зач' }]);
  });

  it('refuses what the school does not allow, the class teacher and the secretary, changing nothing', async () => {
    const before = lastAuditId(sql);
    const saved = sql
      .prepare(`select key, value from settings where key in ('marks.allowExempt', 'marks.scale')`)
      .all();
    sql
      .prepare(
        `insert or replace into settings (key, value) values ('marks.allowExempt', 'false'), ('marks.scale', '"2-5"')`,
      )
      .run();
    expect(
      await teacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'period',
        periodId: q2,
        value: 'осв',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: 'В школе не принята отметка «осв»' } });
    expect(
      await teacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'period',
        periodId: q2,
        value: '1',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      await teacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'period',
        value: '4',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      await classTeacher.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'period',
        periodId: q2,
        value: '4',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(
      await secretary.send(contract.journal.setPeriodMark, {
        assignmentId: maths.id,
        studentId,
        kind: 'period',
        periodId: q2,
        value: '4',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    sql.prepare(`delete from settings where key in ('marks.allowExempt', 'marks.scale')`).run();
    for (const row of saved) sql.prepare('insert into settings (key, value) values (@key, @value)').run(row);
    expect(actionsSince(sql, before)).toEqual(refusals(2));
  });

  it('shows the «Итоговые» page to the class teacher read-only, with the year mark the quarters suggest', async () => {
    const q1 = (sql.prepare(`select id from periods where scheme = 'quarters' and number = 1`).get() as { id: number })
      .id;
    sql
      .prepare(`delete from period_marks where student_id = ? and subject_id = ? and kind = 'period'`)
      .run(studentId, maths.subjectId);
    await teacher.send(contract.journal.setPeriodMark, {
      assignmentId: maths.id,
      studentId,
      kind: 'period',
      periodId: q1,
      value: '4',
    });
    await teacher.send(contract.journal.setPeriodMark, {
      assignmentId: maths.id,
      studentId,
      kind: 'period',
      periodId: q2,
      value: '5',
    });
    const finals = await classTeacher.value(contract.journal.finals, { assignmentId: maths.id });
    expect(finals.canWrite).toBe(false);
    expect(finals.periods.map((p) => p.name)).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть']);
    expect(finals.yearSuggestions.find((s) => s.studentId === studentId)?.suggested).toBe('5'); // 4.5 rounds half up
    expect(finals.marks.filter((m) => m.studentId === studentId && m.kind === 'period')).toHaveLength(2);
  });

  it('suggests the year mark by the school’s rounding', () => {
    expect(suggestYearMark(['4', '5'], 'half_up')).toBe('5');
    expect(suggestYearMark(['4', '5'], 'threshold_0.6')).toBe('4');
    expect(suggestYearMark(['3', '4', '4', '4'], 'half_up')).toBe('4');
    expect(suggestYearMark(['н/а', 'н/а'], 'half_up')).toBe('н/а');
    expect(suggestYearMark(['зач', 'зач'], 'half_up')).toBe('зач');
    expect(suggestYearMark([], 'half_up')).toBeNull();
  });
});
