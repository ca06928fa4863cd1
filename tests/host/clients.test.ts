// The computers connected to the server, as «Школьная сеть» lists them and the tray's «Выйти» counts them: each
// address once, with the name its desktop app gave, connected while its change stream is open or for a few
// minutes after its last request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientTracker } from '../../src/host/clients';
import { startHost, type StartedHost } from '../../src/host/start';
import { servedNetwork } from '../../src/host/tls/served';
import { computerHeader, encodeComputerName } from '../../src/shared/computer';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';
import { openEvents } from '../helpers/sse';

const password = 'Tsq9-lantern-orbit-4471';

describe('the connected computers', () => {
  const core = testCore({ heavyWork: 'here' });
  let now = 1_000_000;
  const clients = createClientTracker({ recentMs: 60_000, now: () => now });
  let host: StartedHost;
  beforeAll(async () => {
    await directCaller(core).value(contract.setup.createSchool, {
      schoolName: 'Школа № 5',
      admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
    });
    host = await startHost({ dispatch: core.dispatch, live: core.live, port: 0, clients });
  });
  afterAll(() => host.close());

  it('are listed by address and name while their stream is open, and for a while after their last call', async () => {
    expect(host.clients()).toEqual([]);
    const login = await fetch(new URL('api/auth:login', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [computerHeader]: encodeComputerName('УЧИТЕЛЬСКАЯ-1') },
      body: JSON.stringify({ login: 'admin', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(host.clients()).toEqual([{ address: '127.0.0.1', name: 'УЧИТЕЛЬСКАЯ-1', live: false }]);
    expect(servedNetwork(host, null, '127.0.0.1').clients).toEqual(host.clients());

    const stream = await openEvents(host.url, cookie);
    expect(await stream.next()).toEqual({ event: 'ready', data: '' });
    expect(host.clients()).toEqual([{ address: '127.0.0.1', name: 'УЧИТЕЛЬСКАЯ-1', live: true }]);
    // An open stream keeps the computer connected however long it is quiet.
    now += 10 * 60_000;
    expect(host.clients()).toHaveLength(1);

    stream.close();
    await expect.poll(() => host.clients()[0]?.live).toBe(false);
    now += 59_000;
    expect(host.clients()).toHaveLength(1);
    now += 2_000;
    expect(host.clients()).toEqual([]);
  });
});
