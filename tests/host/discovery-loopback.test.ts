// Discovery on this computer's loopback interface: the announcement, the answer and the goodbye cross 127.0.0.1
// only (multicast-dns sends and joins on the one interface), so it runs wherever the tests run, root or not.
import { afterEach, describe, expect, it } from 'vitest';
import { advertise, type Advertised } from '../../src/host/discovery/advertise';
import { browseSchools, watchSchools, type SchoolWatch } from '../../src/host/discovery/browse';
import { appVersion } from '../../src/shared/version';

const link = { interface: '127.0.0.1' };
const name = `Школа № ${process.pid}`;
const opened: (Advertised | SchoolWatch)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.stop()));
});

describe('discovery on loopback', () => {
  it('finds an announced school with its name, address, port and version', async () => {
    opened.push(advertise({ name, port: 8443, fingerprint: 'AB:CD:EF:01:23:45', ...link }));
    const found = await browseSchools({ timeoutMs: 1500, ...link });
    expect(found.find((s) => s.name === name)).toEqual({
      name,
      host: expect.any(String),
      addresses: expect.arrayContaining(['127.0.0.1']),
      port: 8443,
      version: appVersion,
    });
  });

  it('drops the school at once when it says goodbye', async () => {
    const seen: string[][] = [];
    const watch = watchSchools({ ...link, onChange: (schools) => seen.push(schools.map((s) => s.name)) });
    opened.push(watch);
    const server = advertise({ name, port: 8444, ...link });
    await expect.poll(() => watch.current().some((s) => s.name === name && s.port === 8444)).toBe(true);
    await server.stop();
    await expect.poll(() => watch.current().some((s) => s.name === name)).toBe(false);
    expect(seen.at(-1)).not.toContain(name);
  });

  it('finds nothing of a school that stopped', async () => {
    await advertise({ name, port: 8445, ...link }).stop();
    const found = await browseSchools({ timeoutMs: 1000, ...link });
    expect(found.filter((s) => s.name === name)).toEqual([]);
  });
});
