import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDbFile } from '../helpers/backup';
import { httpCaller, runCli, startServe } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp';

/**
 * Two programs on one journal raced for SQLite's write lock and a third of the saves failed. Now the first
 * takes the file and every other writer is refused at once; readers still run beside it. Real processes:
 * the lock is the OS's, so only separate processes (and a kill -9) show it works.
 */
describe('one program owns a journal file', () => {
  const dir = tempDir();
  let db: string;
  beforeAll(() => {
    db = demoDbFile(dir);
  });

  it(
    'a second server is refused naming the first; readers run beside it; killed, the first lets the file go',
    { timeout: 180_000 },
    async () => {
      const first = await startServe(db);
      if (!first.ok) throw new Error(`the first server did not start: ${first.stderr}`);
      try {
        const second = await startServe(db);
        expect(second.ok).toBe(false);
        if (second.ok) return;
        expect(second.code).toBe(1);
        const host = os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(second.stderr).toMatch(
          new RegExp(
            `^Журнал уже открыт: компьютер ${host}, программа «zhurnal serve» \\(процесс ${first.child.pid}\\), с \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d\\. Подключитесь к ней: ${first.url.replace(/\./g, '\\.')}`,
          ),
        );

        // Replacing the file under a running server is refused too; a report only reads, and runs.
        const restore = await runCli(['restore', '--db', db, '--from', path.join(dir, 'no-such-backup.db')]);
        expect(restore.code).toBe(1);
        expect(restore.stderr).toMatch(/^Журнал уже открыт: .*«zhurnal serve»/);
        const out = path.join(dir, 'progress.json');
        const report = await runCli([
          'report',
          'progress',
          '--db',
          db,
          '--period',
          '1',
          '--level',
          'grade',
          '--format',
          'json',
          '--out',
          out,
        ]);
        expect(report.stderr).toBe('');
        expect(report.code).toBe(0);
        expect(fs.existsSync(out)).toBe(true);

        // The first server was not disturbed: it still saves.
        const call = httpCaller(first.url);
        expect(await call('auth:login', { login: 'admin', password: 'demo' })).toMatchObject({ ok: true });
        expect(await call('auth:me')).toMatchObject({ ok: true, value: { login: 'admin' } });
      } finally {
        await first.stop(); // SIGKILL: no chance to release anything itself
      }

      const third = await startServe(db);
      expect(third.ok, third.ok ? '' : third.stderr).toBe(true);
      if (third.ok) await third.stop();
    },
  );
});
