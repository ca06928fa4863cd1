import type { PageCanvas } from '../page';
import { book, type BookPages } from './layout';

/** A summary sheet's grid: numbered students, then groups of narrow columns under a group title. */
export interface Matrix {
  title: string;
  subtitle: string;
  groups: { title: string; columns: string[] }[];
  students: { name: string }[];
  /** Row r's values, one per column of all groups in order. */
  values(row: number): string[];
}

const numW = 16;
const nameW = 122;
const colW = 15.5;
const groupH = 28;
const subH = 13;
const rowH = 16;

/** Splits the groups over as many pages as the width needs, the student list repeated on each. */
export async function writeMatrix(pages: BookPages, m: Matrix): Promise<void> {
  const perPage = Math.floor((pages.bodyWidth - numW - nameW) / colW);
  const chunks: number[][] = [[]];
  let used = 0;
  m.groups.forEach((g, i) => {
    if (used + g.columns.length > perPage && used > 0) {
      chunks.push([]);
      used = 0;
    }
    chunks.at(-1)?.push(i);
    used += g.columns.length;
  });
  const offsets: number[] = [];
  m.groups.reduce((o, g, i) => ((offsets[i] = o), o + g.columns.length), 0);
  const all = m.students.map((_, r) => m.values(r));
  for (const [index, chunk] of chunks.entries()) {
    const c = pages.page();
    drawChunk(c, pages, m, chunk, offsets, all, `${index + 1}/${chunks.length}`);
    await pages.done(c);
  }
}

function drawChunk(
  c: PageCanvas,
  pages: BookPages,
  m: Matrix,
  chunk: number[],
  offsets: number[],
  all: string[][],
  part: string,
): void {
  const x0 = book.left;
  c.text(m.title, x0, book.top + 14, { font: 'narrowBold', size: 13 });
  c.text(`${m.subtitle} · лист ${part}`, x0, book.top + 14, { size: 9.5, width: pages.bodyWidth, align: 'right' });
  const top = book.top + 30;
  const rowsTop = top + groupH + subH;
  const bottom = rowsTop + Math.max(m.students.length, 1) * rowH;
  c.text('№', x0, top + 30, { size: 8, width: numW, align: 'center' });
  c.text('Фамилия, имя', x0 + numW, top + 30, { size: 9, width: nameW, align: 'center', font: 'narrowBold' });
  let x = x0 + numW + nameW;
  for (const g of chunk) {
    const group = m.groups[g];
    if (!group) continue;
    const w = group.columns.length * colW;
    const lines = c.wrap(group.title, w - 3, 7.5);
    lines
      .slice(0, 3)
      .forEach((l, i) => c.text(l, x, top + 9 + i * 8.5, { size: 7.5, width: w, align: 'center', font: 'narrowBold' }));
    group.columns.forEach((label, k) => {
      const cx = x + k * colW;
      c.text(label, cx, top + groupH + 10, { size: 7, width: colW, align: 'center' });
      if (k > 0) c.line(cx, top + groupH, cx, bottom);
      m.students.forEach((_, r) => {
        const v = all[r]?.[(offsets[g] ?? 0) + k] ?? '';
        if (v)
          c.text(v, cx, rowsTop + r * rowH + 11.5, {
            size: 8.5,
            width: colW,
            align: 'center',
            font: label === 'год' ? 'narrowBold' : 'narrow',
          });
      });
    });
    c.line(x, top, x, bottom, true);
    x += w;
  }
  m.students.forEach((s, r) => {
    const y = rowsTop + r * rowH;
    c.text(String(r + 1), x0, y + 11.5, { size: 8, width: numW - 2, align: 'right' });
    c.text(s.name, x0 + numW + 2, y + 11.5, {
      size: Math.min(9, ((nameW - 4) / Math.max(1, c.measure(s.name, 9))) * 9),
    });
    if (r > 0) c.line(x0, y, x, y);
  });
  c.line(x0 + numW + nameW, top + groupH, x, top + groupH);
  c.line(x0 + numW, top, x0 + numW, bottom);
  c.line(x0, rowsTop, x, rowsTop, true);
  c.rect(x0, top, x - x0, bottom - top, true);
}
