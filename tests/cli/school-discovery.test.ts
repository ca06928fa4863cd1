// Finding the school's computer without typing its address: `zhurnal serve` in one network namespace announces
// itself over mDNS across a bridge, and two other "computers" (a lab's, a classroom's) find it, log in by the
// connection code (the audit log names each by its address), and drop it at its goodbye when it stops. Where
// namespaces cannot be made, the same discovery runs on this computer's loopback interface.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/app';
import { systemClock } from '../../src/core/clock';
import type { FoundSchool } from '../../src/host/discovery/browse';
import { txtKeys, txtValue } from '../../src/host/discovery/service';
import { connectionCode, derOf } from '../../src/host/tls/code';
import { contract } from '../../src/shared/contract';
import { appVersion } from '../../src/shared/version';
import { directCaller } from '../helpers/core';
import { advertiseFrom, browseFrom, here, watchFrom } from '../helpers/discovery-peer';
import { schoolLan, type LanComputer, type SchoolLan } from '../helpers/netns-lan';
import { migrationsFolder, tempDir } from '../helpers/temp';

const password = 'Tsq9-lantern-orbit-4471';
const school = 'Школа № 9 г. Тихвина';
const dir = tempDir();
const dbFile = path.join(dir, 'school.db');

const lan = schoolLan(3);
const missing = 'reason' in lan ? lan.reason : null;
if (missing && process.env['CI']) throw new Error(missing);
if (missing) console.warn(`discovery across namespaces skipped, run on loopback only: ${missing}`);

afterAll(() => {
  if (!missing) (lan as SchoolLan).remove();
});

const ours = (found: FoundSchool[]) => found.filter((s) => s.name === school);

describe.skipIf(missing)('discovery across the school network (namespaces on a bridge)', () => {
  const [server, lab, classroom] = (lan as SchoolLan).computers as [LanComputer, LanComputer, LanComputer];
  let serve: ReturnType<LanComputer['spawn']>;
  let exited: Promise<number | null>;
  let port = 0;

  beforeAll(async () => {
    const core = createCore({ dbFile, migrationsFolder, clock: systemClock, create: true, heavyWork: 'here' });
    const admin = directCaller(core);
    await admin.value(contract.setup.createSchool, {
      schoolName: school,
      admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
    });
    await admin.value(contract.auth.login, { login: 'admin', password });
    await admin.value(contract.network.set, { schoolNetwork: true, password });
    core.close();
    serve = server.spawn(process.execPath, [
      '--import',
      'tsx',
      'src/cli/index.ts',
      'serve',
      '--db',
      dbFile,
      '--port',
      '0',
    ]);
    exited = new Promise((resolve) => serve.on('close', resolve));
    let said = '';
    port = await new Promise<number>((resolve, reject) => {
      serve.stdout!.on('data', (d: Buffer) => {
        said += d.toString();
        const url = /по адресу http:\/\/127\.0\.0\.1:(\d+)\//.exec(said);
        if (url && said.includes('Код подключения')) resolve(Number(url[1]));
      });
      serve.stderr!.on('data', (d: Buffer) => (said += d.toString()));
      void exited.then((code) => reject(new Error(`serve exited (${code}): ${said}`)));
    });
  }, 120_000);

  afterAll(() => {
    serve?.kill('SIGKILL');
  });

  it('the lab and a classroom both find the school by its name, address, port and version', async () => {
    const [fromLab, fromClassroom] = await Promise.all([
      browseFrom(lab.spawn, 3000),
      browseFrom(classroom.spawn, 3000),
    ]);
    for (const found of [fromLab, fromClassroom]) {
      expect(ours(found)).toEqual([
        { name: school, host: expect.any(String), addresses: [server.address], port, version: appVersion },
      ]);
    }
  });

  it('names each computer a login came from in the audit log', async () => {
    const code = connectionCode(derOf(fs.readFileSync(path.join(dir, 'zhurnal-tls', 'cert.pem'), 'utf8')));
    const url = `https://${server.address}:${port}/`;
    const client = ['--import', 'tsx', 'tests/helpers/pinned-client.ts', url, code, 'admin', password];
    const answers = [lab.run(process.execPath, [...client, 'ИНФОРМАТИКА-3']), classroom.run(process.execPath, client)];
    for (const out of answers)
      expect(JSON.parse(out)).toMatchObject({ me: { body: expect.stringContaining('admin') } });
    const sql = new Database(dbFile, { readonly: true });
    const logins = sql
      .prepare("select new_value from audit_log where action = 'auth.login' order by id")
      .all()
      .map((r) => (JSON.parse((r as { new_value: string }).new_value) as { computer?: string }).computer);
    sql.close();
    expect(logins.slice(-2)).toEqual([`${lab.address} «ИНФОРМАТИКА-3»`, classroom.address]);
  });

  it('drops the school at once when serve stops (its goodbye), and a new search finds nothing', async () => {
    const watch = watchFrom(classroom.spawn);
    try {
      await watch.until((found) => ours(found).length === 1);
      serve.kill('SIGTERM');
      await watch.until((found) => ours(found).length === 0);
      expect(await exited).toBe(0);
    } finally {
      await watch.stop();
    }
    expect(ours(await browseFrom(lab.spawn, 2000))).toEqual([]);
  }, 60_000);
});

describe('discovery on loopback (the same, on this computer)', () => {
  const link = '127.0.0.1';
  // A school's full legal name, longer in UTF-8 than a TXT string holds: announced cut between letters.
  const name = `${school} ${process.pid} с углублённым изучением отдельных предметов`.repeat(3);
  const shown = txtValue(txtKeys.school, name);

  it('finds an announced school, drops it at its goodbye, and finds nothing after', async () => {
    expect(Buffer.byteLength(name)).toBeGreaterThan(255);
    expect(name.startsWith(shown) && Buffer.byteLength(shown) > 200).toBe(true);
    const server = await advertiseFrom(here, name, 8443, link);
    const watch = watchFrom(here, link);
    try {
      const found = await browseFrom(here, 2000, link);
      expect(found.filter((s) => s.name === shown)).toEqual([
        {
          name: shown,
          host: expect.any(String),
          addresses: expect.arrayContaining(['127.0.0.1']),
          port: 8443,
          version: appVersion,
        },
      ]);
      await watch.until((schools) => schools.some((s) => s.name === shown));
      expect((await server.stop()).code).toBe(0);
      await watch.until((schools) => !schools.some((s) => s.name === shown));
    } finally {
      await watch.stop();
    }
    expect((await browseFrom(here, 1500, link)).filter((s) => s.name === shown)).toEqual([]);
  }, 60_000);
});
