// The admin corrects a user's name and changes their roles after the account was made, on the hand-built school:
// klruk is 5А's class teacher, pe teaches 5А's PE, math teaches maths and holds only the teacher role.
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import type { Role } from '../../src/shared/roles';
import { schoolFixture } from '../helpers/school';

describe('changing a user’s name and roles after creation', () => {
  const {
    sql,
    tiny: t,
    callers: { admin, math },
  } = schoolFixture({ school: 'tiny', accounts: { admin: 'admin' }, as: { admin: 'admin', math: 'math' } });
  const lastEntry = (action: string) =>
    sql.prepare('select old_value, new_value from audit_log where action = ? order by id desc').get(action) as {
      old_value: string;
      new_value: string;
    };
  const adminId = () => sql.prepare("select id from users where login = 'admin'").pluck().get() as number;

  it('corrects a name, keeping the old one in the audit log', async () => {
    await admin.value(contract.users.rename, {
      userId: t.users.math,
      lastName: 'Счётова-Иванова',
      firstName: 'Анна',
      middleName: 'Петровна',
    });
    const list = await admin.value(contract.users.list, {});
    expect(list.find((u) => u.id === t.users.math)).toMatchObject({
      fullName: 'Счётова-Иванова Анна Петровна',
      lastName: 'Счётова-Иванова',
    });
    expect(JSON.parse(lastEntry('users.rename').old_value)).toEqual({
      lastName: 'Счётова',
      firstName: 'Анна',
      middleName: 'Петровна',
    });
  });

  it('changes roles, audited old and new, and ends the user’s sessions so they sign in under the new ones', async () => {
    expect(await math.send(contract.journal.assignments, {})).toMatchObject({ ok: true });
    await admin.value(contract.users.setRoles, {
      userId: t.users.math,
      roles: ['teacher', 'deputy'],
      password: 'demo',
    });
    const entry = lastEntry('users.roles');
    expect([JSON.parse(entry.old_value), JSON.parse(entry.new_value)]).toEqual([
      { roles: ['teacher'] },
      { roles: ['deputy', 'teacher'] },
    ]);
    expect(await math.send(contract.journal.assignments, {})).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
  });

  it('refuses to leave a class without its class teacher, a journal without its teacher, or the admin without admin', async () => {
    const refusal = async (userId: number, roles: Role[]) => {
      const r = await admin.send(contract.users.setRoles, { userId, roles, password: 'demo' });
      return r.ok ? 'ok' : r.error.message;
    };
    expect(await refusal(t.users.klruk, ['teacher'])).toBe(
      'Пользователь — классный руководитель 5А: сначала назначьте классу другого руководителя',
    );
    expect(await refusal(t.users.pe, ['secretary'])).toBe(
      'У учителя есть нагрузка в текущем учебном году: сначала передайте её другому учителю, потом снимайте роль',
    );
    expect(await refusal(adminId(), ['deputy'])).toBe('Нельзя снять роль администратора с собственной учётной записи');
    // Adding a role to oneself is allowed; the admin's own session goes on.
    expect(await refusal(adminId(), ['admin', 'deputy'])).toBe('ok');
    expect(await admin.send(contract.users.list, {})).toMatchObject({ ok: true });
  });
});
