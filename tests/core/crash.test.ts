import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { generateDemoSchool } from '../../src/core/demo';
import { migrationsFolder, tempDir } from '../helpers/temp';
import { presentCells } from '../helpers/demo-cells';

describe('a crash in the middle of a burst of writes', () => {
  it('loses no mark that was acknowledged', async () => {
    const dbFile = path.join(tempDir(), 'school.db');
    const core = createCore({ dbFile, migrationsFolder, clock: fixedClock('2026-11-24T10:00:00'), create: true });
    generateDemoSchool(core.db, { tier: 'small', years: 1, today: '2026-11-24' });
    // Cells of the teacher's past lessons where a student was present.
    const cells = presentCells(core.db.$client, 40);
    core.close();
    expect(cells).toHaveLength(40);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/fixtures/crash-writer.ts', dbFile, JSON.stringify(cells)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const acknowledged = new Map<string, string>();
    let buffer = '';
    let acks = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const [lessonId, studentId, value] = line.split(' ');
          acknowledged.set(`${lessonId}:${studentId}`, value!);
        }
        // Killed without warning, as by a power cut, somewhere in the third round over the cells.
        acks += lines.length;
        if (acks > 100) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended by itself (${code}): ${stderr}`)),
      );
    });

    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const read = db.prepare('select value1 from marks where lesson_id = ? and student_id = ?');
    // Each acknowledged value is there, except that the one write in flight at the kill may have committed after
    // its cell's last acknowledgement: then the cell holds that newer value, never an older one.
    const newer: string[] = [];
    for (const [key, value] of acknowledged) {
      const [lessonId, studentId] = key.split(':').map(Number);
      const found = (read.get(lessonId, studentId) as { value1: string } | undefined)?.value1;
      if (found !== value) newer.push(`${key} ${value}→${found}`);
    }
    expect(newer.length, newer.join(', ')).toBeLessThanOrEqual(1);
    const inFlight = cells[acks % cells.length]!;
    for (const line of newer) expect(line.startsWith(`${inFlight.lessonId}:${inFlight.studentId} `), line).toBe(true);
    db.close();
  }, 60_000);
});
