// The audit log shows every attempt: a signed-in user's refused call is in the log — who, which call,
// the refusal, and the ids it named (so the viewer finds it under the class and the student) — but none of
// its free text; a malformed call or one without a session leaves nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditValues } from '../../src/shared/audit-values';
import { contract } from '../../src/shared/contract';
import { readWorkbook } from '../../src/core/tables/xlsx';
import { buildAccessSchool, loggedIn, type AccessSchool } from '../helpers/access-school';
import { directCaller, testCore } from '../helpers/core';

const core = testCore();
let s: AccessSchool;
const refusals = () =>
  core.db.$client
    .prepare(
      "select user_id as userId, entity, entity_id as entityId, new_value as newValue, reason, class_id as classId, student_id as studentId, subject_id as subjectId from audit_log where action = 'access.refused' order by id",
    )
    .all() as Array<Record<string, unknown>>;

beforeAll(() => {
  s = buildAccessSchool(core);
});

describe('refused calls in the audit log', () => {
  it('a teacher writing in another teacher’s journal: the attempt on the cell, with the refusal', async () => {
    const math = await loggedIn(core, 'math');
    const result = await math.send(contract.journal.setMark, {
      lessonId: s.lessons.rus0902,
      studentId: s.students.C,
      value1: '5',
      reason: 'секретная заметка',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(refusals()).toEqual([
      {
        userId: s.users.math,
        entity: 'cell',
        entityId: `${s.lessons.rus0902}:${s.students.C}`,
        newValue: JSON.stringify({ channel: 'journal:setMark', lessonId: s.lessons.rus0902, studentId: s.students.C }),
        reason: 'Этот урок ведёт другой учитель: изменить его записи нельзя',
        classId: s.classes.c5,
        studentId: s.students.C,
        subjectId: s.subjects.rus,
      },
    ]);
  });

  it('a role refused at the gate, by channel; the deputy finds both under «Отказы в доступе»', async () => {
    const secretary = await loggedIn(core, 'secretary');
    expect(await secretary.send(contract.users.list, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(refusals().at(-1)).toMatchObject({
      userId: s.extraUsers.secretary,
      entity: 'call',
      entityId: 'users:list',
      reason: 'У вас нет прав на это действие',
    });
    const deputy = await loggedIn(core, 'zavuch');
    const { rows } = await deputy.value(contract.audit.list, { filter: { kind: 'refused' } });
    expect(rows.map((r) => [r.action, r.className])).toEqual([
      ['access.refused', null],
      ['access.refused', '5А'],
    ]);
  });

  it('the screen and the Excel export read a refusal as what was tried, not as the stored JSON of its ids', async () => {
    const deputy = await loggedIn(core, 'zavuch');
    const { rows } = await deputy.value(contract.audit.list, { filter: { kind: 'refused' } });
    const shown = rows.map((r) => auditValues(r));
    expect(shown).toEqual([
      { before: null, after: 'попытка: управлять пользователями (users:list)' },
      { before: null, after: 'попытка: вести журнал (journal:setMark)' },
    ]);
    const file = await deputy.value(contract.audit.export, { filter: { kind: 'refused' } });
    const [sheet] = await readWorkbook(Buffer.from(file.base64, 'base64'));
    const header = sheet!.rows.findIndex((r) => r[0] === 'Когда');
    const [was, became] = ['Было', 'Стало'].map((h) => sheet!.rows[header]!.indexOf(h));
    expect(sheet!.rows.slice(header + 1).map((r) => ({ before: r[was!] ?? null, after: r[became!] ?? null }))).toEqual(
      shown,
    );
  });

  it('nothing for a malformed call, a call without a session, or one the user may make', async () => {
    const before = refusals().length;
    // Malformed on purpose: a mark of 9 on lesson −1 is what the contract refuses, so it goes by the channel's name.
    expect(
      await (await loggedIn(core, 'math')).invoke('journal:setMark', { lessonId: -1, studentId: 1, value1: '9' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await directCaller(core).send(contract.users.list, {})).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    expect(await (await loggedIn(core, 'admin')).send(contract.users.list, {})).toMatchObject({ ok: true });
    expect(refusals()).toHaveLength(before);
  });
});
