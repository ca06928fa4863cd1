import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock';
import { contract } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { schoolFixture } from '../helpers/school';

// A clock the test moves, as the school's day goes by.
let now = new Date('2026-11-24T10:00:00');
const clock: Clock = { now: () => new Date(now) };
const at = (hhmm: string) => {
  now = new Date(`2026-11-24T${hhmm}:00`);
};

describe('sessions on shared computers, and the lockout per account and per source', () => {
  // No callers logged in before the tests: each logs in from its own place, at its own time.
  const { core } = schoolFixture({ school: 'tiny', accounts: { admin: 'admin' }, as: {}, core: { clock } });
  const from = (client: string) => directCaller(core, client);
  const audited = (action: string) =>
    (core.db.$client.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n;
  const lockedRefusal = {
    ok: false,
    error: {
      kind: 'unauthorized',
      message: 'Сеанс заблокирован: введите пароль, чтобы продолжить работу',
      details: { sessionLocked: true },
    },
  };

  it('refuses any call after the idle limit on the server clock, whatever the client does, until the same password', async () => {
    at('10:00');
    const math = from('http 10.0.0.5');
    expect(await math.send(contract.auth.login, { login: 'math', password: 'demo' })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 10, sessionLocked: false },
    });
    // Working every four minutes for half an hour keeps the session open.
    for (const t of ['10:04', '10:08', '10:12', '10:16', '10:20', '10:24', '10:28', '10:32']) {
      at(t);
      expect(await math.send(contract.journal.assignments, {})).toMatchObject({ ok: true });
    }
    at('10:43');
    expect(await math.send(contract.journal.assignments, {})).toMatchObject(lockedRefusal);
    expect(await math.send(contract.auth.me, {})).toMatchObject({
      ok: true,
      value: { login: 'math', sessionLocked: true },
    });
    expect(audited('auth.session_locked')).toBe(1);
    // Another teacher's password does not open it; it counts as a wrong password of this account.
    expect(await math.send(contract.auth.unlock, { password: 'wrong-one' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/только Счётова А\. П\..*«Сменить пользователя»/) },
    });
    expect(await math.send(contract.journal.assignments, {})).toMatchObject(lockedRefusal);
    expect(await math.send(contract.auth.unlock, { password: 'demo' })).toMatchObject({
      ok: true,
      value: { login: 'math', sessionLocked: false },
    });
    expect(await math.send(contract.journal.assignments, {})).toMatchObject({ ok: true });
    expect(audited('auth.unlock_failed')).toBe(1);
    expect(audited('auth.session_unlocked')).toBe(1);
  });

  it("locks at once on the renderer's word (its idle timer, the OS screen lock), and «Сменить пользователя» ends it", async () => {
    at('11:00');
    const pc = from('desktop');
    await pc.send(contract.auth.login, { login: 'klruk', password: 'demo' });
    expect(await pc.send(contract.auth.lock, { cause: 'screen' })).toEqual({ ok: true, value: null });
    expect(await pc.send(contract.journal.assignments, {})).toMatchObject(lockedRefusal);
    expect(await pc.send(contract.auth.logout, {})).toEqual({ ok: true, value: null });
    expect(await pc.send(contract.auth.me, {})).toEqual({ ok: true, value: null });
    const row = core.db.$client
      .prepare("select new_value from audit_log where action = 'auth.session_locked' order by id desc limit 1")
      .get() as { new_value: string };
    expect(JSON.parse(row.new_value)).toEqual({ cause: 'screen' });
  });

  it('ends a locked session when wrong passwords at the lock screen reach the lockout', async () => {
    at('11:10');
    const pc = from('desktop');
    await pc.send(contract.auth.login, { login: 'eng1', password: 'demo' });
    await pc.send(contract.auth.lock, { cause: 'idle' });
    for (let i = 0; i < 4; i++)
      expect(await pc.send(contract.auth.unlock, { password: `x${i}` })).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    expect(await pc.send(contract.auth.unlock, { password: 'x5' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized', message: expect.stringMatching(/заблокирован до 11:25/) },
    });
    expect(pc.call.sessionToken).toBeNull();
    expect(await from('desktop').send(contract.auth.login, { login: 'eng1', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
  });

  it('locks one guessing address out of one account, not the teacher at her own computer; three such addresses lock it on the whole network', async () => {
    at('12:00');
    const guess = (client: string) => from(client).send(contract.auth.login, { login: 'pe', password: 'guess' });
    for (let i = 0; i < 5; i++) await guess('http 10.0.0.66');
    expect(await from('http 10.0.0.66').send(contract.auth.login, { login: 'pe', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    expect(await from('desktop').send(contract.auth.login, { login: 'pe', password: 'demo' })).toMatchObject({
      ok: true,
    });
    // The same address may still log in to other accounts (the host's per-address limiter watches that).
    expect(await from('http 10.0.0.66').send(contract.auth.login, { login: 'eng2', password: 'demo' })).toMatchObject({
      ok: true,
    });

    for (const address of ['http 10.0.0.67', 'http 10.0.0.68']) for (let i = 0; i < 5; i++) await guess(address);
    expect(await from('http 10.0.0.69').send(contract.auth.login, { login: 'pe', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/до 12:15/) },
    });
    // Never on the school's own computer: guessing from the network cannot lock anyone out of it.
    expect(await from('desktop').send(contract.auth.login, { login: 'pe', password: 'demo' })).toMatchObject({
      ok: true,
    });

    const admin = from('desktop');
    await admin.send(contract.auth.login, { login: 'admin', password: 'demo' });
    const pe = (await admin.value(contract.users.list, {})).find((u) => u.login === 'pe')!;
    expect(pe).toMatchObject({ lockedUntil: '2026-11-24 12:15:00' });
    expect([...pe.lockedFrom].sort()).toEqual(['http 10.0.0.66', 'http 10.0.0.67', 'http 10.0.0.68', null].sort());
    await admin.value(contract.users.unlock, { userId: pe.id });
    expect(await from('http 10.0.0.66').send(contract.auth.login, { login: 'pe', password: 'demo' })).toMatchObject({
      ok: true,
    });
  });

  it("takes the idle limit and the lockout from the admin's settings, refusing values out of range", async () => {
    at('13:00');
    const admin = from('desktop');
    await admin.send(contract.auth.login, { login: 'admin', password: 'demo' });
    expect(await admin.send(contract.users.security, {})).toEqual({
      ok: true,
      value: { idleLockMinutes: 10, lockoutThreshold: 5, lockoutMinutes: 15 },
    });
    expect(
      await admin.send(contract.users.setSecurity, { idleLockMinutes: 0, lockoutThreshold: 3, lockoutMinutes: 2 }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: 'Не меньше 1 минуты' } });
    expect(await admin.send(contract.users.security, {})).toMatchObject({ value: { idleLockMinutes: 10 } });
    expect(
      await admin.send(contract.users.setSecurity, { idleLockMinutes: 2, lockoutThreshold: 3, lockoutMinutes: 2 }),
    ).toMatchObject({ ok: true });
    expect(audited('settings.security')).toBe(1);

    const teacher = from('http 10.0.0.9');
    expect(await teacher.send(contract.auth.login, { login: 'math', password: 'demo' })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 2 },
    });
    at('13:03');
    expect(await teacher.send(contract.journal.assignments, {})).toMatchObject(lockedRefusal);

    for (let i = 0; i < 3; i++)
      await from('http 10.0.0.70').send(contract.auth.login, { login: 'math', password: 'guess' });
    expect(await from('http 10.0.0.70').send(contract.auth.login, { login: 'math', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/до 13:05 после 3 неверных/) },
    });
    at('13:06');
    expect(await from('http 10.0.0.70').send(contract.auth.login, { login: 'math', password: 'demo' })).toMatchObject({
      ok: true,
    });
  });
});
