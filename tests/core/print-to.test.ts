// The command line names the files it prints (createCore's printTo): print:classBook writes that file, also
// when the call runs on the pool's thread, which builds its own services and must be told the same.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { buildAccessSchool } from '../helpers/access-school';
import { testCore } from '../helpers/core';
import { migrationsFolder, tempDir } from '../helpers/temp';

describe('printTo', () => {
  const dir = tempDir();
  const dbFile = path.join(dir, 'school.db');
  const school = buildAccessSchool(testCore({ dbFile }));

  it.each(['threads', 'here'] as const)(
    'puts the book into the command line’s file (heavy work: %s)',
    { timeout: 60_000 },
    async (heavyWork) => {
      const book = path.join(dir, heavyWork, 'книга.pdf');
      const core = createCore({
        dbFile,
        migrationsFolder,
        clock: fixedClock('2026-11-24T10:00:00'),
        commandLine: { command: 'print', role: 'secretary' },
        printTo: { book },
        heavyWork,
      });
      try {
        const call = { sessionToken: null, client: 'cli', setSession: () => undefined };
        const result = await core.dispatch(
          'print:classBook',
          { classId: school.classes.c5, duplex: false, personalData: false },
          call,
        );
        expect(result).toMatchObject({ ok: true, value: { file: book } });
        expect(fs.readFileSync(book).subarray(0, 5).toString()).toBe('%PDF-');
        expect(fs.existsSync(path.join(dir, 'zhurnal-print'))).toBe(false);
      } finally {
        core.close();
      }
    },
  );
});
