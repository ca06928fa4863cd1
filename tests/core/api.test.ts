import { describe, expect, it } from 'vitest';
import { directCaller, testCore } from '../helpers/core';

const school = {
  schoolName: 'МБОУ СОШ № 1',
  admin: {
    login: 'admin',
    password: 'надёжный-пароль',
    lastName: 'Петрова',
    firstName: 'Анна',
    middleName: 'Сергеевна',
  },
};

describe('the contract through the direct transport', () => {
  const core = testCore();
  const { invoke, call } = directCaller(core);

  it('offers the first start on an empty database', async () => {
    expect(await invoke('setup:status')).toEqual({
      ok: true,
      value: { hasSchool: false, schoolName: null, isDemo: false },
    });
  });

  it('refuses an unknown channel and malformed input with Russian messages', async () => {
    expect(await invoke('journal:dropTables')).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: expect.stringMatching(/Неизвестный вызов/) },
    });
    const bad = await invoke('setup:createSchool', { schoolName: 'X', admin: { login: 'Админ!', password: '1' } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (bad.ok) throw new Error('unreachable');
    expect(bad.error.message).toMatch(/Укажите полное название школы/);
    expect(bad.error.details).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: 'admin.password' })]),
    });
    expect(await invoke('setup:status')).toMatchObject({ value: { hasSchool: false } });
    expect(await invoke('auth:login', 'not an object')).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('creates the school once, with its administrator', async () => {
    expect(await invoke('setup:createSchool', school)).toEqual({ ok: true, value: null });
    expect(await invoke('setup:status')).toEqual({
      ok: true,
      value: { hasSchool: true, schoolName: 'МБОУ СОШ № 1', isDemo: false },
    });
    expect(await invoke('setup:createSchool', school)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await invoke('setup:createDemo', { tier: 'small' })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
  });

  it('needs a session for everything but the public calls', async () => {
    expect(await invoke('journal:assignments')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await invoke('auth:me')).toEqual({ ok: true, value: null });
  });

  it('refuses a wrong password, records the attempt, and opens no session', async () => {
    const result = await invoke('auth:login', { login: 'admin', password: 'неверный' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', message: 'Неверный логин или пароль' } });
    expect(call.sessionToken).toBeNull();
    const failed = core.db.$client
      .prepare("select count(*) as n from audit_log where action = 'auth.login_failed'")
      .get() as { n: number };
    expect(failed.n).toBe(1);
    expect(await invoke('auth:login', { login: 'nobody', password: 'x' })).toMatchObject({
      error: { message: 'Неверный логин или пароль' },
    });
  });

  it('logs in, answers as the actor, never returns the password hash, and logs out', async () => {
    const result = await invoke('auth:login', { login: 'admin', password: 'надёжный-пароль' });
    expect(result).toEqual({
      ok: true,
      value: {
        id: 1,
        login: 'admin',
        fullName: 'Петрова Анна Сергеевна',
        shortName: 'Петрова А. С.',
        roles: ['admin'],
        mustChangePassword: false,
        sessionLocked: false,
        idleLockMinutes: 10,
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/scrypt/);
    expect(call.sessionToken).toMatch(/^[\w-]{40,}$/);
    const stored = core.db.$client.prepare('select token_hash from sessions').all() as { token_hash: string }[];
    expect(stored.map((s) => s.token_hash)).not.toContain(call.sessionToken);
    expect(await invoke('auth:me')).toMatchObject({ ok: true, value: { login: 'admin' } });
    expect(await invoke('journal:assignments')).toEqual({ ok: true, value: [] }); // the new school's first year has no assignments yet
    expect(await invoke('auth:logout')).toEqual({ ok: true, value: null });
    expect(call.sessionToken).toBeNull();
    expect(await invoke('auth:me')).toEqual({ ok: true, value: null });
  });

  it('does not accept a made-up session token', async () => {
    call.sessionToken = 'forged-token';
    expect(await invoke('school:years')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    call.sessionToken = null;
  });
});
