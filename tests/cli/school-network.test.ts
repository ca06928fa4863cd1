// `zhurnal serve` on the school network, seen from another computer (a network namespace on a veth wire):
// HTTPS with the server's own certificate, pinned by the connection code; plain HTTP answers a page and no
// API; and a packet capture on the wire during a login holds neither the password nor the session token.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/app';
import { systemClock } from '../../src/core/clock';
import { connectionCode, derOf } from '../../src/host/tls/code';
import { contract } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { startServe, type Served } from '../helpers/cli-process';
import { otherComputer, type OtherComputer } from '../helpers/netns';
import { pinnedCall, presentedCertificate } from '../helpers/pinned-client';
import { migrationsFolder, tempDir } from '../helpers/temp';

const password = 'Tsq9-lantern-orbit-4471';
const dir = tempDir();
const dbFile = path.join(dir, 'school.db');

const lab = otherComputer();
const tcpdump = spawnSync('tcpdump', ['--version']).status === 0;
const missing = 'reason' in lab ? lab.reason : tcpdump ? null : 'tcpdump is not installed (apt-get install tcpdump)';
if (missing && process.env['CI']) throw new Error(missing);
if (missing) console.warn(`school network test skipped: ${missing}`);

let server: Served | null = null;
let port = 0;

beforeAll(async () => {
  if (missing) return;
  const core = createCore({ dbFile, migrationsFolder, clock: systemClock, create: true, heavyWork: 'here' });
  const admin = directCaller(core);
  await admin.value(contract.setup.createSchool, {
    schoolName: 'Школа № 9',
    admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
  });
  await admin.value(contract.auth.login, { login: 'admin', password });
  expect(await admin.send(contract.network.set, { schoolNetwork: true, password })).toMatchObject({ ok: true });
  core.close();
  server = await startServe(dbFile);
  if (!server.ok) throw new Error(`serve did not start: ${server.stderr}`);
  port = Number(new URL(server.url).port);
}, 120_000);

afterAll(async () => {
  if (server?.ok) await server.stop();
  if (!('reason' in lab)) lab.remove();
});

/** tcpdump on this computer's end of the wire; resolves once it is listening, stops with the capture's bytes. */
async function capture(other: OtherComputer) {
  const file = path.join(dir, 'wire.pcap');
  const child = spawn('tcpdump', ['-i', other.interface, '-U', '-s', '0', '-w', file, 'tcp', 'port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      said += d.toString();
      if (said.includes('listening on')) resolve();
    });
    child.on('close', (code) => reject(new Error(`tcpdump stopped (${code}): ${said}`)));
  });
  const stop = async () => {
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    await closed;
    return fs.readFileSync(file);
  };
  /** What tcpdump has written so far (-U: each packet as it comes). */
  const sofar = () => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
  return { stop, sofar };
}

describe.skipIf(missing)('the school network, from another computer', () => {
  const other = lab as OtherComputer;

  it('listens beyond this computer when «Школьная сеть» is on, with the certificate beside the database', () => {
    expect(server?.ok && server.url).toBe(`http://127.0.0.1:${port}/`);
    expect(fs.statSync(path.join(dir, 'zhurnal-tls', 'key.pem')).mode & 0o777).toBe(0o600);
  });

  it('answers plain HTTP from another address with a page naming the https address: no API, no cookie', () => {
    const answer = other.run('curl', [
      '-s',
      '-i',
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '-d',
      '{"probe":"clear-text-probe-5521"}',
      `http://${other.serverAddress}:${port}/api/setup:status`,
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
    expect(answer).toContain(`https://${other.serverAddress}:${port}/`);
    expect(answer).not.toMatch(/set-cookie/i);
    expect(answer).not.toMatch(/hasSchool|"ok"/);
  });

  it(
    'lets a login over HTTPS pinned by the connection code, and a capture of the wire shows no password or token',
    { timeout: 120_000 },
    async () => {
      const code = connectionCode(derOf(fs.readFileSync(path.join(dir, 'zhurnal-tls', 'cert.pem'), 'utf8')));
      const { stop, sofar } = await capture(other);
      // The control: what crosses the wire in clear is in the capture. Sent again until the capture shows it, as
      // «listening on» can come a moment before the first packets are taken.
      const probe = () =>
        other.run('curl', [
          '-s',
          '-X',
          'POST',
          '-d',
          '{"probe":"clear-text-probe-5521"}',
          `http://${other.serverAddress}:${port}/api/setup:status`,
        ]);
      await expect
        .poll(() => {
          if (sofar().includes('clear-text-probe-5521')) return true;
          probe();
          return sofar().includes('clear-text-probe-5521');
        })
        .toBe(true);
      const out = other.run(process.execPath, [
        '--import',
        'tsx',
        'tests/helpers/pinned-client.ts',
        `https://${other.serverAddress}:${port}/`,
        code,
        'admin',
        password,
      ]);
      const wire = await stop();
      const result = JSON.parse(out) as { token: string; me: { body: string }; login: { cookie: string } };
      expect(JSON.parse(result.me.body)).toMatchObject({ ok: true, value: { login: 'admin' } });
      expect(result.login.cookie).toMatch(/; Secure/);
      expect(result.token).toMatch(/^[\w-]{40,}$/);

      expect(wire.includes('clear-text-probe-5521')).toBe(true);
      expect(wire.includes(Buffer.from('только по защищённому адресу'))).toBe(true);
      for (const secret of [password, result.token, 'zhurnal_session', '"login":"admin"'])
        expect(wire.includes(secret), secret).toBe(false);

      // The admin's screen shows the same code and certificate, and the address the other computer used.
      const pinned = await presentedCertificate(`https://127.0.0.1:${port}/`);
      const info = await pinnedCall(
        `https://127.0.0.1:${port}/`,
        pinned,
        'network:info',
        {},
        { cookie: `zhurnal_session=${result.token}` },
      );
      expect(JSON.parse(info.body)).toMatchObject({
        ok: true,
        value: {
          schoolNetwork: true,
          listening: true,
          port,
          urls: expect.arrayContaining([`https://${other.serverAddress}:${port}/`]),
          certificate: { code },
        },
      });
    },
  );
});
