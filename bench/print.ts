// Printing, measured side by side in separate processes (each one's peak memory is its own): the naive
// pdf-lib way (drawRectangle/drawText per cell) and the print engine on the same journal page, then the
// whole typical school's class books and act.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '../src/core/db/open';
import { generateDemoSchool } from '../src/core/demo';

interface Row {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

interface Measured {
  seconds: number;
  peakMiB: number;
  pages: number;
  bytes?: number;
  books?: number;
  failed?: number;
}

function child(args: string[]): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('bench/print-child.ts'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Measured;
}

export function printBench(work: string, rows: Row[]): void {
  const naive = child(['naive', '200']);
  const ours = child(['lowlevel', '2000']);
  const naiveRate = naive.pages / naive.seconds;
  const oursRate = ours.pages / ours.seconds;
  rows.push({
    name: 'journal page, naive pdf-lib',
    value: naiveRate,
    unit: 'p/s',
    note: `${naive.pages} pages in ${naive.seconds.toFixed(1)} s, peak ${naive.peakMiB.toFixed(0)} MiB`,
  });
  rows.push({
    name: 'journal page, print engine',
    value: oursRate,
    unit: 'p/s',
    note: `${ours.pages} pages in ${ours.seconds.toFixed(1)} s, peak ${ours.peakMiB.toFixed(0)} MiB; ${(oursRate / naiveRate).toFixed(0)}× naive`,
  });

  // A whole year of lessons: the demo's year 2025/2026 seen from its last days.
  const file = path.join(work, 'print-typical.db');
  const db = openDatabase(file, { migrationsFolder: path.resolve('migrations'), create: true });
  generateDemoSchool(db, { tier: 'typical', years: 1, today: '2026-05-30' });
  db.$client.close();
  const school = child(['school', file, path.join(work, 'print-out')]);
  rows.push({
    name: 'whole school print, typical',
    value: school.seconds,
    unit: 's',
    note: `${school.books} books (${school.failed} failed), ${school.pages} pages, ${(school.pages / school.seconds).toFixed(0)} p/s, peak ${school.peakMiB.toFixed(0)} MiB`,
  });
}
