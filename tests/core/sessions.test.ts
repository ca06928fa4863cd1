import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/core/api/dispatch';
import { hashPasswordSync } from '../../src/core/auth/password';
import type { Clock } from '../../src/core/clock';
import { writers } from '../../src/core/demo/sql';
import { buildTinySchool } from '../helpers/tiny-school';
import { testCore } from '../helpers/core';

// A clock the test moves, as the school's day goes by.
let now = new Date('2026-11-24T10:00:00');
const clock: Clock = { now: () => new Date(now) };
const at = (hhmm: string) => {
  now = new Date(`2026-11-24T${hhmm}:00`);
};

describe('sessions on shared computers, and the lockout per account and per source', () => {
  const core = testCore({ clock });
  buildTinySchool(core.db);
  const w = writers(core.db.$client);
  const adminId = w.user(
    'admin',
    hashPasswordSync('admin-pass-1'),
    'Админова',
    'Ольга',
    null,
    1,
    0,
    '2025-08-20 10:00:00',
  );
  w.role(adminId, 'admin');

  /** A transport as from one place: «desktop» (the computer's own window) or «http ADDRESS». */
  const from = (client: string) => {
    const call: CallContext = { sessionToken: null, client, setSession: (t) => void (call.sessionToken = t) };
    return { call, invoke: (channel: string, input: unknown = {}) => core.dispatch(channel, input, call) };
  };
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
    expect(await math.invoke('auth:login', { login: 'math', password: 'demo' })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 10, sessionLocked: false },
    });
    // Working every four minutes for half an hour keeps the session open.
    for (const t of ['10:04', '10:08', '10:12', '10:16', '10:20', '10:24', '10:28', '10:32']) {
      at(t);
      expect(await math.invoke('journal:assignments')).toMatchObject({ ok: true });
    }
    at('10:43');
    expect(await math.invoke('journal:assignments')).toMatchObject(lockedRefusal);
    expect(await math.invoke('auth:me')).toMatchObject({ ok: true, value: { login: 'math', sessionLocked: true } });
    expect(audited('auth.session_locked')).toBe(1);
    // Another teacher's password does not open it; it counts as a wrong password of this account.
    expect(await math.invoke('auth:unlock', { password: 'wrong-one' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/только Счётова А\. П\..*«Сменить пользователя»/) },
    });
    expect(await math.invoke('journal:assignments')).toMatchObject(lockedRefusal);
    expect(await math.invoke('auth:unlock', { password: 'demo' })).toMatchObject({
      ok: true,
      value: { login: 'math', sessionLocked: false },
    });
    expect(await math.invoke('journal:assignments')).toMatchObject({ ok: true });
    expect(audited('auth.unlock_failed')).toBe(1);
    expect(audited('auth.session_unlocked')).toBe(1);
  });

  it("locks at once on the renderer's word (its idle timer, the OS screen lock), and «Сменить пользователя» ends it", async () => {
    at('11:00');
    const pc = from('desktop');
    await pc.invoke('auth:login', { login: 'klruk', password: 'demo' });
    expect(await pc.invoke('auth:lock', { cause: 'screen' })).toEqual({ ok: true, value: null });
    expect(await pc.invoke('journal:assignments')).toMatchObject(lockedRefusal);
    expect(await pc.invoke('auth:logout')).toEqual({ ok: true, value: null });
    expect(await pc.invoke('auth:me')).toEqual({ ok: true, value: null });
    const row = core.db.$client
      .prepare("select new_value from audit_log where action = 'auth.session_locked' order by id desc limit 1")
      .get() as { new_value: string };
    expect(JSON.parse(row.new_value)).toEqual({ cause: 'screen' });
  });

  it('ends a locked session when wrong passwords at the lock screen reach the lockout', async () => {
    at('11:10');
    const pc = from('desktop');
    await pc.invoke('auth:login', { login: 'eng1', password: 'demo' });
    await pc.invoke('auth:lock', { cause: 'idle' });
    for (let i = 0; i < 4; i++)
      expect(await pc.invoke('auth:unlock', { password: `x${i}` })).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    expect(await pc.invoke('auth:unlock', { password: 'x5' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized', message: expect.stringMatching(/заблокирован до 11:25/) },
    });
    expect(pc.call.sessionToken).toBeNull();
    expect(await from('desktop').invoke('auth:login', { login: 'eng1', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
  });

  it('locks one guessing address out of one account, not the teacher at her own computer; three such addresses lock it everywhere', async () => {
    at('12:00');
    const guess = (client: string) => from(client).invoke('auth:login', { login: 'pe', password: 'guess' });
    for (let i = 0; i < 5; i++) await guess('http 10.0.0.66');
    expect(await from('http 10.0.0.66').invoke('auth:login', { login: 'pe', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    });
    expect(await from('desktop').invoke('auth:login', { login: 'pe', password: 'demo' })).toMatchObject({ ok: true });
    // The same address may still log in to other accounts (the host's per-address limiter watches that).
    expect(await from('http 10.0.0.66').invoke('auth:login', { login: 'eng2', password: 'demo' })).toMatchObject({
      ok: true,
    });

    for (const address of ['http 10.0.0.67', 'http 10.0.0.68']) for (let i = 0; i < 5; i++) await guess(address);
    expect(await from('desktop').invoke('auth:login', { login: 'pe', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/до 12:15/) },
    });

    const admin = from('desktop');
    await admin.invoke('auth:login', { login: 'admin', password: 'admin-pass-1' });
    const list = (await admin.invoke('users:list')) as {
      value: { id: number; login: string; lockedUntil: string | null; lockedFrom: (string | null)[] }[];
    };
    const pe = list.value.find((u) => u.login === 'pe');
    expect(pe).toMatchObject({ lockedUntil: '2026-11-24 12:15:00' });
    expect([...(pe?.lockedFrom ?? [])].sort()).toEqual(
      ['http 10.0.0.66', 'http 10.0.0.67', 'http 10.0.0.68', null].sort(),
    );
    await admin.invoke('users:unlock', { userId: pe?.id });
    expect(await from('http 10.0.0.66').invoke('auth:login', { login: 'pe', password: 'demo' })).toMatchObject({
      ok: true,
    });
  });

  it("takes the idle limit and the lockout from the admin's settings, refusing values out of range", async () => {
    at('13:00');
    const admin = from('desktop');
    await admin.invoke('auth:login', { login: 'admin', password: 'admin-pass-1' });
    expect(await admin.invoke('users:security')).toEqual({
      ok: true,
      value: { idleLockMinutes: 10, lockoutThreshold: 5, lockoutMinutes: 15 },
    });
    expect(
      await admin.invoke('users:setSecurity', { idleLockMinutes: 0, lockoutThreshold: 3, lockoutMinutes: 2 }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', message: 'Не меньше 1 минуты' } });
    expect(await admin.invoke('users:security')).toMatchObject({ value: { idleLockMinutes: 10 } });
    expect(
      await admin.invoke('users:setSecurity', { idleLockMinutes: 2, lockoutThreshold: 3, lockoutMinutes: 2 }),
    ).toMatchObject({ ok: true });
    expect(audited('settings.security')).toBe(1);

    const teacher = from('http 10.0.0.9');
    expect(await teacher.invoke('auth:login', { login: 'math', password: 'demo' })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 2 },
    });
    at('13:03');
    expect(await teacher.invoke('journal:assignments')).toMatchObject(lockedRefusal);

    for (let i = 0; i < 3; i++) await from('http 10.0.0.70').invoke('auth:login', { login: 'math', password: 'guess' });
    expect(await from('http 10.0.0.70').invoke('auth:login', { login: 'math', password: 'demo' })).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/до 13:05 после 3 неверных/) },
    });
    at('13:06');
    expect(await from('http 10.0.0.70').invoke('auth:login', { login: 'math', password: 'demo' })).toMatchObject({
      ok: true,
    });
  });
});
