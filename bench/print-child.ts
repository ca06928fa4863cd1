// One printing measurement in its own process, so that its peak memory (maxRSS) is its own.
// Usage: tsx bench/print-child.ts naive|lowlevel PAGES  |  school DBFILE OUTDIR. Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { fixedClock } from '../src/core/clock';
import { openDatabase } from '../src/core/db/open';
import { fontsDirFor, PdfWriter } from '../src/core/print';
import { fontFiles } from '../src/core/print/fonts';
import { createServices } from '../src/core/services';

const migrationsFolder = path.resolve('migrations');
const fontsDir = fontsDirFor(migrationsFolder);
const rows = 30;
const cols = 24;
const name = (r: number) => `Щербакова Александра ${r + 1}`;
const mark = (p: number, r: number, c: number) => ((p + r * 7 + c * 3) % 4 === 0 ? String(((r + c) % 4) + 2) : '');

/** The journal's left page drawn the naive way: a rectangle and a drawText call per cell. */
async function naive(pages: number): Promise<number> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(path.join(fontsDir, fontFiles.narrow)), { subset: false });
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let r = 0; r < rows; r++) {
      const y = 780 - r * 18;
      page.drawRectangle({ x: 36, y, width: 16, height: 18, borderWidth: 0.4, borderColor: rgb(0, 0, 0) });
      page.drawText(String(r + 1), { x: 40, y: y + 5, size: 8, font });
      page.drawRectangle({ x: 52, y, width: 122, height: 18, borderWidth: 0.4, borderColor: rgb(0, 0, 0) });
      page.drawText(name(r), { x: 54, y: y + 5, size: 9, font });
      for (let c = 0; c < cols; c++) {
        page.drawRectangle({ x: 174 + c * 16, y, width: 16, height: 18, borderWidth: 0.4, borderColor: rgb(0, 0, 0) });
        const m = mark(p, r, c);
        if (m) page.drawText(m, { x: 179 + c * 16, y: y + 5, size: 9, font });
      }
    }
  }
  return (await doc.save()).length;
}

/** The same page with the print engine: one path for the grid, cached glyph strings. */
async function lowlevel(pages: number): Promise<number> {
  const pdf = await PdfWriter.create({ fontsDir, title: 'bench' });
  for (let p = 0; p < pages; p++) {
    const c = pdf.addPage();
    for (let r = 0; r <= rows; r++) c.line(36, 44 + r * 18, 558, 44 + r * 18);
    for (const x of [36, 52, 174]) c.line(x, 44, x, 44 + rows * 18);
    for (let k = 1; k <= cols; k++) c.line(174 + k * 16, 44, 174 + k * 16, 44 + rows * 18);
    for (let r = 0; r < rows; r++) {
      const y = 44 + r * 18 + 13;
      c.text(String(r + 1), 36, y, { size: 8, width: 14, align: 'right' });
      c.text(name(r), 54, y, { size: 9 });
      for (let k = 0; k < cols; k++) {
        const m = mark(p, r, k);
        if (m) c.text(m, 174 + k * 16, y, { size: 9, width: 16, align: 'center' });
      }
    }
    await pdf.finish(c);
  }
  return (await pdf.save()).length;
}

async function school(dbFile: string, outDir: string) {
  const db = openDatabase(dbFile, { migrationsFolder });
  const services = createServices({ db, clock: fixedClock('2026-06-01T10:00:00'), fontsDir: () => fontsDir });
  const result = await services.print.writeSchool(null, undefined, { duplex: false, personalData: false }, outDir);
  db.$client.close();
  return {
    books: result.books.length,
    failed: result.books.filter((b) => b.error).length,
    pages: result.books.reduce((s, b) => s + (b.pages ?? 0), 0),
  };
}

async function main() {
  const [mode, a, b] = process.argv.slice(2);
  const started = performance.now();
  let extra: Record<string, number> = {};
  if (mode === 'naive') extra = { pages: Number(a), bytes: await naive(Number(a)) };
  else if (mode === 'lowlevel') extra = { pages: Number(a), bytes: await lowlevel(Number(a)) };
  else if (mode === 'school') extra = await school(a as string, b as string);
  else throw new Error(`unknown mode ${mode}`);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
}

void main();
