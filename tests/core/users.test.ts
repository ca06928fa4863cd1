import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock';
import { contract } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';

// A clock the test moves forward, to see a lock run out.
let now = new Date('2026-11-24T10:00:00');
const clock: Clock = { now: () => new Date(now) };

describe('accounts: the admin creates, resets, disables and unlocks; one-time passwords are changed first', () => {
  const { core, sql, callers } = schoolFixture({
    school: 'tiny',
    accounts: { admin: 'admin' },
    as: { admin: 'admin' },
    core: { clock },
  });
  const { admin } = callers;
  const teacher = directCaller(core);
  const audited = (action: string) =>
    (sql.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n;
  let teacherId = 0;
  let oneTime = '';

  it('lets the admin create a teacher with a one-time password shown once and stored only hashed', async () => {
    ({ id: teacherId, oneTimePassword: oneTime } = await admin.value(contract.users.create, {
      login: 'ivanova',
      lastName: 'Иванова',
      firstName: 'Мария',
      middleName: 'Петровна',
      roles: ['teacher'],
    }));
    expect(oneTime).toMatch(/^(?=.*[a-z])(?=.*\d)[a-z0-9]{10}$/);
    expect(JSON.stringify(sql.prepare('select * from users').all())).not.toContain(oneTime);
    expect(
      await admin.send(contract.users.create, { login: 'ivanova', lastName: 'И', firstName: 'М', roles: ['teacher'] }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(
      await admin.send(contract.users.create, { login: 'Плохой логин', lastName: 'И', firstName: 'М', roles: [] }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const list = await admin.send(contract.users.list, {});
    expect(list).toMatchObject({
      ok: true,
      value: expect.arrayContaining([
        {
          id: teacherId,
          login: 'ivanova',
          fullName: 'Иванова Мария Петровна',
          lastName: 'Иванова',
          firstName: 'Мария',
          middleName: 'Петровна',
          roles: ['teacher'],
          isActive: true,
          mustChangePassword: true,
          lockedUntil: null,
          lockedFrom: [],
        },
      ]),
    });
    expect(audited('users.create')).toBe(1);
  });

  it('refuses users:* to a teacher', async () => {
    await teacher.send(contract.auth.login, { login: 'ivanova', password: oneTime });
    expect(await teacher.send(contract.users.list, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('lets nothing but auth:* through until the one-time password is changed, and enforces the policy', async () => {
    expect(await teacher.send(contract.auth.me, {})).toMatchObject({
      ok: true,
      value: { login: 'ivanova', mustChangePassword: true },
    });
    expect(await teacher.send(contract.journal.assignments, {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Сначала смените временный пароль' },
    });
    const change = (oldPassword: string, newPassword: string) =>
      teacher.send(contract.auth.changePassword, { oldPassword, newPassword });
    expect(await change('wrong', 'school2026')).toMatchObject({
      ok: false,
      error: { message: 'Текущий пароль введён неверно' },
    });
    expect(await change(oneTime, 'short1')).toMatchObject({
      ok: false,
      error: { message: 'Пароль не короче 8 символов' },
    });
    expect(await change(oneTime, 'onlyletters')).toMatchObject({
      ok: false,
      error: { message: 'Пароль должен содержать буквы и цифры' },
    });
    expect(await change(oneTime, '12345678')).toMatchObject({
      ok: false,
      error: { message: 'Пароль должен содержать буквы и цифры' },
    });
    expect(await change(oneTime, oneTime)).toMatchObject({
      ok: false,
      error: { message: 'Новый пароль должен отличаться от прежнего' },
    });
    expect(await change(oneTime, 'Урок2026а')).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    expect(await teacher.send(contract.journal.assignments, {})).not.toMatchObject({ error: { kind: 'forbidden' } });
    expect(audited('auth.password_changed')).toBe(1);
  });

  it('rejects a new password equal to the login', async () => {
    const other = directCaller(core);
    const { oneTimePassword } = await admin.value(contract.users.create, {
      login: 'sidorov7',
      lastName: 'Сидоров',
      firstName: 'Пётр',
      roles: ['secretary'],
    });
    await other.send(contract.auth.login, { login: 'sidorov7', password: oneTimePassword });
    expect(
      await other.send(contract.auth.changePassword, { oldPassword: oneTimePassword, newPassword: 'SIDOROV7' }),
    ).toMatchObject({ ok: false, error: { message: 'Пароль не должен совпадать с логином' } });
  });

  it('locks the account at the fifth wrong password, even for the right one, until the admin unlocks it', async () => {
    const guesser = directCaller(core);
    for (let i = 1; i <= 5; i++) {
      expect(await guesser.send(contract.auth.login, { login: 'ivanova', password: `guess${i}` })).toMatchObject({
        ok: false,
        error: { kind: 'unauthorized' },
      });
    }
    const locked = await guesser.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' });
    expect(locked).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/заблокирован до 10:15 после 5 неверных паролей/) },
    });
    expect((await admin.value(contract.users.list, {})).find((u) => u.login === 'ivanova')).toMatchObject({
      lockedUntil: '2026-11-24 10:15:00',
      lockedFrom: ['test'],
    });
    expect(await admin.send(contract.users.unlock, { userId: teacherId })).toEqual({ ok: true, value: null });
    expect(await guesser.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' })).toMatchObject({
      ok: true,
    });
    expect(audited('users.unlock')).toBe(1);
  });

  it('unlocks by itself after the set time, and a success clears the count of wrong passwords', async () => {
    const guesser = directCaller(core);
    for (let i = 0; i < 4; i++) await guesser.send(contract.auth.login, { login: 'ivanova', password: 'nope' });
    expect(await guesser.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < 4; i++) await guesser.send(contract.auth.login, { login: 'ivanova', password: 'nope' });
    expect(await guesser.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' })).toMatchObject({
      ok: true,
    }); // 4 + 4 is not 5
    for (let i = 0; i < 5; i++) await guesser.send(contract.auth.login, { login: 'ivanova', password: 'nope' });
    expect(await guesser.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    now = new Date('2026-11-24T10:16:00');
    expect(await guesser.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' })).toMatchObject({
      ok: true,
    });
    // 16 minutes without a call locked the admin's session (idle limit 10): the same password reopens it.
    expect(await admin.send(contract.users.list, {})).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized', details: { sessionLocked: true } },
    });
    expect(await admin.send(contract.auth.unlock, { password: 'demo' })).toMatchObject({
      ok: true,
      value: { sessionLocked: false },
    });
  });

  it('resets a password to a new one-time one and ends the sessions', async () => {
    const { oneTimePassword } = await admin.value(contract.users.resetPassword, {
      userId: teacherId,
      password: 'demo',
    });
    expect(await teacher.send(contract.auth.me, {})).toEqual({ ok: true, value: null });
    expect(await teacher.send(contract.auth.login, { login: 'ivanova', password: 'Урок2026а' })).toMatchObject({
      ok: false,
    });
    expect(await teacher.send(contract.auth.login, { login: 'ivanova', password: oneTimePassword })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    expect(audited('users.reset')).toBe(1);
  });

  it('disables a user: sessions end, login fails, the row and its audit stay; enabling lets them back', async () => {
    expect(await admin.send(contract.users.setActive, { userId: teacherId, active: false })).toEqual({
      ok: true,
      value: null,
    });
    expect(await teacher.send(contract.auth.me, {})).toEqual({ ok: true, value: null });
    const pw = await admin.value(contract.users.resetPassword, { userId: teacherId, password: 'demo' });
    expect(await teacher.send(contract.auth.login, { login: 'ivanova', password: pw.oneTimePassword })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
    const self = await admin.value(contract.auth.me, {});
    expect(await admin.send(contract.users.setActive, { userId: self!.id, active: false })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: 'Нельзя отключить собственную учётную запись' },
    });
    expect(await admin.send(contract.users.setActive, { userId: teacherId, active: true })).toEqual({
      ok: true,
      value: null,
    });
    expect(await teacher.send(contract.auth.login, { login: 'ivanova', password: pw.oneTimePassword })).toMatchObject({
      ok: true,
    });
    expect(audited('users.disable')).toBe(1);
    expect(audited('auth.login')).toBeGreaterThan(3);
    expect(audited('auth.login_failed')).toBeGreaterThan(10);
  });
});
