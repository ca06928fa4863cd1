import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { demoDbFile } from '../helpers/backup';
import { tempDir } from '../helpers/temp';

const built = path.resolve('out/main/cli.js');

/**
 * Reports run on the pool's threads from out/main/core-calls.js in the bundle, which the tests from source
 * never load. So the built `zhurnal serve` answers a whole school's report as PDF over HTTP, in a process of its own.
 */
describe('the built host writes a report on its worker thread', () => {
  const dir = tempDir();

  it('answers the whole school’s control report as PDF', { timeout: 120_000 }, async () => {
    expect(fs.existsSync(built), 'out/main/cli.js: run `npx electron-vite build` first (npm test does)').toBe(true);
    const db = demoDbFile(dir);
    const server = spawn(process.execPath, ['bin/zhurnal.js', 'serve', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      // Read on while the server runs (leaving a for-await would close its stdout under it).
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        server.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /http:\/\/\S+/.exec(stdout);
          if (found) resolve(found[0]);
        });
        server.on('exit', (code) => reject(new Error(`zhurnal serve ended (${code}): ${stderr}`)));
      });
      const post = (channel: string, body: unknown, cookie = '') =>
        fetch(new URL(`api/${channel}`, url.endsWith('/') ? url : `${url}/`), {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(body),
        });
      const login = await post('auth:login', { login: 'zavuch', password: 'demo' });
      expect(await login.json()).toMatchObject({ ok: true });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const answer = (await (
        await post(
          'reports:file',
          { report: 'control', params: { from: '2026-09-01', to: '2026-10-31' }, format: 'pdf' },
          cookie,
        )
      ).json()) as {
        ok: boolean;
        value?: { mimeType: string; base64: string };
      };
      expect(answer, stderr).toMatchObject({ ok: true, value: { mimeType: 'application/pdf' } });
      expect(Buffer.from(answer.value!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      server.kill('SIGTERM');
      if (server.exitCode === null) await once(server, 'exit');
    }
  });
});
