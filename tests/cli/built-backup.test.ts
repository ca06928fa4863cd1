import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { testKey } from '../helpers/age';
import { demoDbFile } from '../helpers/backup';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);
const built = path.resolve('out/main/cli.js');

/**
 * The backup's worker threads run from files of their own in the bundle (see src/core/workers), which the
 * tests from source never load. So the built CLI (`npm test` builds first) backs up, encrypted, and verifies,
 * in a process of its own.
 */
describe('the built zhurnal backs up and verifies through its worker threads', () => {
  const dir = tempDir();

  it('writes an encrypted copy that its own verify accepts', { timeout: 120_000 }, async () => {
    expect(fs.existsSync(built), 'out/main/cli.js: run `npx electron-vite build` first (npm test does)').toBe(true);
    const live = demoDbFile(dir);
    const drive = path.join(dir, 'stick');
    fs.mkdirSync(drive);
    const client = new Database(live);
    client
      .prepare("insert into settings (key, value) values ('backup.encryption', ?)")
      .run(JSON.stringify({ recipient: testKey.recipient, createdAt: '2026-09-01 08:00:00' }));
    client.close();
    const keyFile = path.join(dir, 'key.txt');
    fs.writeFileSync(keyFile, `${testKey.identity}\n`);
    const backup = await run(process.execPath, ['bin/zhurnal.js', 'backup', '--db', live, '--to', drive]);
    expect(backup.stdout).toMatch(/^ГОТОВО\s+\S+\.db\.age$/m);
    const file = path.join(
      drive,
      fs.readdirSync(drive).find((n) => n.endsWith('.age'))!,
    );
    const verified = await run(process.execPath, ['bin/zhurnal.js', 'verify-backup', file, '--key-file', keyFile]);
    expect(verified.stdout).toMatch(/Копия исправна: учеников 132/);
  });
});
