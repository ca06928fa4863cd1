import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDbFile, tmpfsForTest } from '../helpers/backup';
import { httpCaller, startServe, type Served } from '../helpers/cli-process';
import { tempDir } from '../helpers/temp';
import { presentCells } from '../helpers/demo-cells';

/** Writes zeros until the disk refuses: 1 MiB at a time, then 4 KiB, so nothing is left but what SQLite holds. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 512]) {
      const block = Buffer.alloc(size);
      for (;;) {
        try {
          fs.writeSync(fd, block);
        } catch (e) {
          if ((e as { code?: string }).code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A server whose disk fills up: every save is refused with a message that says what to do, the server stays
 * up, and once space is freed it saves again by itself. A real tmpfs and a real `zhurnal serve` process.
 */
describe('the disk under a running journal fills up', () => {
  const dir = tempDir();
  const disk = path.join(dir, 'small-disk');
  let mounted = false;
  let server: Served | null = null;
  afterAll(async () => {
    if (server?.ok) await server.stop();
    if (mounted) execFileSync('umount', [disk]);
  });

  it(
    'a save is refused as «нет места», reads go on, and after freeing space saves work again',
    { timeout: 180_000 },
    async (context) => {
      const school = demoDbFile(dir);
      mounted = tmpfsForTest(disk, Math.ceil(fs.statSync(school).size / 1024) + 4096, context);
      const db = path.join(disk, 'school.db');
      fs.copyFileSync(school, db);
      const raw = new Database(db, { readonly: true });
      const cells = presentCells(raw, 200);
      raw.close();
      expect(cells.length).toBe(200);

      server = await startServe(db);
      if (!server.ok) throw new Error(`the server did not start: ${server.stderr}`);
      const call = httpCaller(server.url);
      expect(await call('auth:login', { login: 'uchitel', password: 'demo' })).toMatchObject({ ok: true });
      const values = ['5', '4', '3', '2'];
      const save = (i: number) =>
        call('journal:setMark', {
          ...cells[i % cells.length]!,
          value1: values[Math.floor(i / cells.length) % values.length]!,
        });
      expect(await save(0)).toMatchObject({ ok: true });

      const filler = path.join(disk, 'filler.bin');
      fillDisk(filler);
      // What SQLite already holds in its files can still take a few writes; the disk's end comes within a few hundred.
      let refused: Awaited<ReturnType<typeof save>> | null = null;
      let i = 1;
      for (; i < 2000 && !refused; i++) {
        const result = await save(i);
        if (!result.ok) refused = result;
      }
      expect(refused, 'no save failed on a full disk').not.toBeNull();
      expect(refused).toMatchObject({
        ok: false,
        error: {
          kind: 'io',
          message: expect.stringMatching(
            new RegExp(`^На диске, где хранится журнал \\(папка ${disk}\\), нет места: освободите`),
          ),
        },
      });
      expect(await call('auth:me')).toMatchObject({ ok: true, value: { login: 'uchitel' } });
      expect(await call('journal:assignments')).toMatchObject({ ok: true });

      fs.rmSync(filler);
      for (let k = 0; k < 20; k++) expect(await save(i + k)).toMatchObject({ ok: true });
      expect(server.child.exitCode).toBeNull();
    },
  );
});
