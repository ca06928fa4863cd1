// The audit log names the computer each call from the network came from: the address the server saw (here two
// loopback addresses, 127.0.0.2 and 127.0.0.3, as two computers) and the name a desktop client gave.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type StartedHost } from '../../src/host/start';
import { valueWith, withoutComputer } from '../../src/core/audit/origin';
import { computerOf } from '../../src/host/computer';
import { contract } from '../../src/shared/contract';
import { computerHeader, encodeComputerName } from '../../src/shared/computer';
import { directCaller, testCore } from '../helpers/core';

const password = 'пароль-администратора';

/** A browser or desktop client on another computer: its calls leave from `from`, its cookie kept. */
function computer(from: string, headers: Record<string, string> = {}) {
  let cookie = '';
  return (url: string, channel: string, input: unknown) =>
    new Promise<{ ok: boolean }>((resolve, reject) => {
      const req = http.request(
        new URL(`api/${channel}`, url),
        {
          method: 'POST',
          localAddress: from,
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
          agent: false,
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => {
            const set = res.headers['set-cookie']?.[0];
            if (set) cookie = set.split(';')[0]!;
            resolve(JSON.parse(body) as { ok: boolean });
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
}

describe('the audit log names the computer a call came from', () => {
  const core = testCore();
  let host: StartedHost;

  beforeAll(async () => {
    const admin = directCaller(core, 'desktop');
    await admin.value(contract.setup.createSchool, {
      schoolName: 'Школа № 2',
      admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
    });
    host = await startHost({ dispatch: core.dispatch, port: 0 });
  });
  afterAll(() => host.close());

  const entries = (since: number) =>
    core.db.$client
      .prepare('select action, new_value as v from audit_log where id > ? order by id')
      .all(since)
      .map((r) => {
        const { action, v } = r as { action: string; v: string | null };
        return { action, computer: (JSON.parse(v ?? '{}') as { computer?: string }).computer };
      });
  const lastId = () => (core.db.$client.prepare('select max(id) as id from audit_log').get() as { id: number }).id;

  it('by address and the name the client gave, for every audited call, a failed login included', async () => {
    const since = lastId();
    const staffroom = computer('127.0.0.2', { [computerHeader]: encodeComputerName('УЧИТЕЛЬСКАЯ-1') });
    const lab = computer('127.0.0.3');
    expect(await staffroom(host.url, 'auth:login', { login: 'admin', password })).toMatchObject({ ok: true });
    expect(await staffroom(host.url, 'network:set', { schoolNetwork: true, password })).toMatchObject({ ok: true });
    expect(await lab(host.url, 'auth:login', { login: 'admin', password: 'не тот пароль' })).toMatchObject({
      ok: false,
    });
    expect(await lab(host.url, 'auth:login', { login: 'admin', password })).toMatchObject({ ok: true });
    expect(await lab(host.url, 'network:set', { schoolNetwork: false, password })).toMatchObject({ ok: true });
    expect(entries(since)).toEqual([
      { action: 'auth.login', computer: '127.0.0.2 «УЧИТЕЛЬСКАЯ-1»' },
      { action: 'settings.school_network', computer: '127.0.0.2 «УЧИТЕЛЬСКАЯ-1»' },
      { action: 'auth.login_failed', computer: '127.0.0.3' },
      { action: 'auth.login', computer: '127.0.0.3' },
      { action: 'settings.school_network', computer: '127.0.0.3' },
    ]);
  });

  it('not for the calls of this computer’s own window', async () => {
    const since = lastId();
    const desktop = directCaller(core, 'desktop');
    await desktop.value(contract.auth.login, { login: 'admin', password });
    await desktop.value(contract.network.set, { schoolNetwork: true, password });
    expect(entries(since).map((e) => e.computer)).toEqual([undefined, undefined]);
  });
});

describe("a computer's name as the audit log shows it", () => {
  it.each([
    ['::ffff:10.0.0.7', undefined, '10.0.0.7'],
    ['fd00::7', 'KAB-12', 'fd00::7 «KAB-12»'],
    ['10.0.0.7', encodeComputerName('Кабинет 12'), '10.0.0.7 «Кабинет 12»'],
    ['10.0.0.7', '%E0%A4%A', '10.0.0.7 «%E0%A4%A»'],
    ['10.0.0.7', encodeURIComponent('a\u0000b\u202e«c»\n'), '10.0.0.7 «abc»'],
    ['10.0.0.7', '   ', '10.0.0.7'],
    ['10.0.0.7', 'x'.repeat(500), `10.0.0.7 «${'x'.repeat(63)}»`],
  ])('%s with %j → %s', (address, said, shown) => {
    expect(computerOf(address, said)).toBe(shown);
  });
});

describe('a value recorded with its computer', () => {
  it.each([['н'], [null], [true], [{ value1: '5', value2: null }], [[1, 2]]])('reads back as recorded: %j', (value) => {
    const stored = JSON.parse(JSON.stringify(valueWith(value, { computer: '10.0.0.7' }))) as unknown;
    expect(stored).toMatchObject({ computer: '10.0.0.7' });
    expect(withoutComputer(stored)).toEqual(value);
  });
});
