// resources/zhurnal.service as systemd would run it: its ExecStart, with the unit's paths moved into this
// checkout and a temporary state folder, starts the built `zhurnal serve` as an unprivileged user, and SIGTERM
// (the unit's KillSignal) stops it with exit code 0 — so Restart=on-failure restarts a crash, never a stop.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/app';
import { systemClock } from '../../src/core/clock';
import { contract } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { migrationsFolder, tempDir } from '../helpers/temp';

const unitText = fs.readFileSync('resources/zhurnal.service', 'utf8');
const unit = new Map(
  unitText
    .split('\n')
    .filter((l) => /^\w+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
);
const built = path.resolve('out/main/cli.js');
const nobody = 65534;

describe('the systemd unit for an always-on server', () => {
  it('runs serve as its own account and restarts it only after a failure', () => {
    expect(unit.get('User')).toBe('zhurnal');
    expect(unit.get('Restart')).toBe('on-failure');
    expect(unit.get('KillSignal')).toBe('SIGTERM');
    expect(unit.get('StateDirectory')).toBe('zhurnal');
    expect(unit.get('ExecStart')).toMatch(/ serve --db \/var\/lib\/zhurnal\/\S+ --port 8080$/);
  });

  it('starts with its ExecStart and stops with code 0 at SIGTERM', { timeout: 120_000 }, async () => {
    expect(fs.existsSync(built), 'out/main/cli.js: run `npx electron-vite build` first (npm test does)').toBe(true);
    const parent = tempDir();
    fs.chmodSync(parent, 0o711); // as /var/lib: the service's account passes through to its own folder
    const state = path.join(parent, 'zhurnal');
    fs.mkdirSync(state, { mode: 0o700 });
    const dbFile = path.join(state, 'school.db');
    const core = createCore({ dbFile, migrationsFolder, clock: systemClock, create: true, heavyWork: 'here' });
    await directCaller(core).value(contract.setup.createSchool, {
      schoolName: 'Школа № 9',
      admin: { login: 'admin', password: 'Tsq9-lantern-orbit-4471', lastName: 'Орлов', firstName: 'Пётр' },
    });
    core.close();
    // StateDirectory= makes the folder the service account's own; the account is `nobody` here.
    const asRoot = process.getuid?.() === 0;
    if (asRoot)
      for (const f of [state, ...fs.readdirSync(state).map((n) => path.join(state, n))])
        fs.chownSync(f, nobody, nobody);
    const [command, ...args] = unit
      .get('ExecStart')!
      .replaceAll('/opt/zhurnal', process.cwd())
      .replaceAll('/var/lib/zhurnal', state)
      .replace('--port 8080', '--port 0')
      .split(' ') as [string, ...string[]];
    const child = spawn(command, args, {
      cwd: unit.get('WorkingDirectory')!.replace('/opt/zhurnal', process.cwd()),
      env: { PATH: process.env['PATH'], ZHURNAL_LANG: unit.get('Environment')!.replace('ZHURNAL_LANG=', '') },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: nobody, gid: nobody } : {}),
    });
    let said = '';
    child.stderr.on('data', (d: Buffer) => (said += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        said += d.toString();
        if (said.includes('Остановить: Ctrl+C')) resolve();
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}): ${said}`)));
    });
    expect(fs.statSync(path.join(state, 'zhurnal-tls', 'key.pem')).uid).toBe(asRoot ? nobody : process.getuid?.());
    child.kill(unit.get('KillSignal') as NodeJS.Signals);
    expect(await exited, said).toBe(0);
  });
});
