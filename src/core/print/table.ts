import type { FontName } from './fonts';
import type { Orientation, PdfWriter } from './document';
import { mm, type PageCanvas } from './page';

export interface TableColumn {
  title: string;
  /** Relative width: the columns share the table's width in proportion to these numbers. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  x: number;
  width: number;
  columns: TableColumn[];
  fontSize?: number;
  font?: FontName;
  /** Header row(s) drawn in bold on a light fill. */
  header?: boolean;
}

const pad = 2;

function widths(block: TableBlock): number[] {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  return block.columns.map((c) => (c.width / total) * block.width);
}

/** Height of a row whose cells wrap within their columns. */
function rowHeight(canvas: PageCanvas, cells: string[], ws: number[], size: number, font: FontName): number {
  const leading = size * 1.2;
  const lines = Math.max(1, ...cells.map((text, i) => canvas.wrap(text, (ws[i] ?? 0) - 2 * pad, size, font).length));
  return lines * leading + 2 * pad + 1;
}

function drawRow(
  canvas: PageCanvas,
  block: TableBlock,
  ws: number[],
  cells: string[],
  y: number,
  h: number,
  font: FontName,
): void {
  const size = block.fontSize ?? 9;
  let x = block.x;
  cells.forEach((text, i) => {
    const w = ws[i] ?? 0;
    canvas.paragraph(text, x + pad, y + pad, w - 2 * pad, { size, font, align: block.columns[i]?.align ?? 'left' });
    x += w;
  });
  canvas.line(block.x, y + h, block.x + block.width, y + h);
}

/**
 * A title whose longest word does not fit its narrow column (a subject over a column of marks) is set
 * upright, as the paper forms print it, instead of being cut mid-word: its lines, bottom to top.
 */
function uprightLines(canvas: PageCanvas, title: string, w: number, size: number, always = false): string[] | null {
  const room = w - 2 * pad;
  const words = title.split(/\s+/).filter(Boolean);
  if (!always && (title.length <= 3 || words.every((word) => canvas.measure(word, size, 'narrowBold') <= room)))
    return null;
  const across = Math.max(1, Math.floor(room / (size * 1.1)));
  let length = Math.max(...words.map((word) => canvas.measure(word, size, 'narrowBold')));
  let lines = canvas.wrap(title, length, size, 'narrowBold');
  while (lines.length > across) lines = canvas.wrap(title, (length += size), size, 'narrowBold');
  return lines;
}

/** The header row's layout: titles set flat, titles set upright, and the row's height. */
function headerLayout(canvas: PageCanvas, columns: TableColumn[], ws: number[], size: number) {
  const titles = columns.map((c) => c.title);
  let upright = titles.map((t, i) => uprightLines(canvas, t, ws[i] ?? 0, size));
  // Columns as narrow as an upright one stand upright too (a row of subjects reads as one).
  const narrow = Math.max(0, ...upright.map((lines, i) => (lines ? (ws[i] ?? 0) : 0)));
  if (narrow > 0)
    upright = titles.map(
      (t, i) =>
        upright[i] ??
        ((ws[i] ?? 0) <= narrow + 0.01 && t.length > 3 ? uprightLines(canvas, t, ws[i] ?? 0, size, true) : null),
    );
  const flat = titles.map((t, i) => (upright[i] ? '' : t));
  const uprightHeight = Math.max(
    0,
    ...upright.map((lines) =>
      lines ? Math.max(...lines.map((l) => canvas.measure(l, size, 'narrowBold'))) + 2 * pad + 2 : 0,
    ),
  );
  return { upright, flat, h: Math.max(rowHeight(canvas, flat, ws, size, 'narrowBold'), uprightHeight) };
}

function drawHeader(canvas: PageCanvas, block: TableBlock, ws: number[], size: number, y: number): number {
  const { upright, flat, h } = headerLayout(canvas, block.columns, ws, size);
  canvas.fill(block.x, y, block.width, h, 0.92);
  drawRow(
    canvas,
    { ...block, columns: block.columns.map((c) => ({ ...c, align: 'center' })) },
    ws,
    flat,
    y,
    h,
    'narrowBold',
  );
  let x = block.x;
  upright.forEach((lines, i) => {
    const w = ws[i] ?? 0;
    if (lines) {
      const leading = size * 1.1;
      const left = x + (w - lines.length * leading) / 2;
      // Each line's baseline is its right edge once turned; lines read left to right.
      lines.forEach((line, k) =>
        canvas.textUp(line, left + (k + 1) * leading - size * 0.22, y + h - pad - 1, { font: 'narrowBold', size }),
      );
    }
    x += w;
  });
  return h;
}

/**
 * Draws rows from `from` on one page between y and maxY, with a header row first; returns the index of the
 * first row that did not fit (rows.length when all did). Cells wrap; lines are one path per page.
 */
export function drawTable(
  canvas: PageCanvas,
  block: TableBlock,
  rows: string[][],
  from: number,
  y: number,
  maxY: number,
): number {
  return drawRows(canvas, block, rows, from, y, maxY).next;
}

/** drawTable, also telling where the table ended on the page. */
function drawRows(
  canvas: PageCanvas,
  block: TableBlock,
  rows: string[][],
  from: number,
  y: number,
  maxY: number,
): { next: number; bottom: number } {
  const size = block.fontSize ?? 9;
  const font = block.font ?? 'narrow';
  const ws = widths(block);
  const top = y;
  if (block.header !== false) {
    y += drawHeader(canvas, block, ws, size, y);
  }
  let i = from;
  for (; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const h = rowHeight(canvas, row, ws, size, font);
    if (y + h > maxY && i > from) break;
    drawRow(canvas, block, ws, row, y, h, font);
    y += h;
  }
  canvas.line(block.x, top, block.x + block.width, top);
  let x = block.x;
  for (const w of [0, ...ws]) {
    x += w;
    canvas.line(x, top, x, y);
  }
  return { next: i, bottom: y };
}

export interface TableDocument {
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: string[][];
  orientation?: Orientation;
  fontSize?: number;
  font?: FontName;
  /** Printed at the bottom of each page; the page number follows it. */
  footer?: string;
  /** Lines under the table (how its figures are counted). */
  notes?: string[];
}

export const margin = mm(15);

/** Page number at the bottom centre: «— 12 —», as the archive asks every page to be numbered. */
export function pageNumber(canvas: PageCanvas, number: number, prefix = ''): void {
  canvas.text(`${prefix}— ${number} —`, 0, canvas.height - mm(8), { size: 9, width: canvas.width, align: 'center' });
}

const gap = 16;

/** Title and subtitle above a table; returns the height they take. */
function heading(canvas: PageCanvas, doc: TableDocument, y: number, draw: boolean): number {
  const top = y;
  if (draw) canvas.text(doc.title, margin, y + 12, { font: 'narrowBold', size: 13 });
  y += 18;
  if (doc.subtitle) {
    const width = canvas.width - 2 * margin;
    y += draw
      ? canvas.paragraph(doc.subtitle, margin, y, width, { size: 10 })
      : canvas.wrap(doc.subtitle, width, 10).length * 12;
  }
  return y + 6 - top;
}

/**
 * Height a table needs on the page it starts on: heading, header row and its first two rows — or all its rows
 * when it is short enough to fit a page of its own, so a short table is not split for want of a few lines.
 */
function startHeight(canvas: PageCanvas, doc: TableDocument): number {
  const size = doc.fontSize ?? 9;
  const ws = widths({ x: margin, width: canvas.width - 2 * margin, columns: doc.columns });
  if (doc.rows.length === 0) return heading(canvas, doc, 0, false);
  const top = heading(canvas, doc, 0, false) + headerLayout(canvas, doc.columns, ws, size).h;
  const row = (r: string[]) => rowHeight(canvas, r, ws, size, doc.font ?? 'narrow');
  const start = top + doc.rows.slice(0, 2).reduce((s, r) => s + row(r), 0);
  if (doc.rows.length > 40) return start;
  const whole = top + doc.rows.reduce((s, r) => s + row(r), 0);
  return whole <= canvas.height - 2 * margin - 10 ? whole : start;
}

/**
 * Titled tables one after another, each over as many pages as it needs with its header repeated; a table
 * starts on the page before it when it fits there (same orientation, room for its header and two rows), so a
 * report of several short tables is not a pile of nearly empty pages. A table without rows prints its
 * heading only (its subtitle says why). Returns the number of pages written.
 */
export async function writeTables(writer: PdfWriter, docs: readonly TableDocument[]): Promise<number> {
  let canvas: PageCanvas | null = null;
  let orientation: Orientation = 'portrait';
  let footer = '';
  let y = 0;
  let pages = 0;
  const bottom = () => (canvas ? canvas.height - margin - 10 : 0);
  const close = async () => {
    if (!canvas) return;
    pageNumber(canvas, writer.pageCount, footer ? `${footer}   ` : '');
    await writer.finish(canvas);
    canvas = null;
  };
  const open = (doc: TableDocument) => {
    orientation = doc.orientation ?? 'portrait';
    footer = doc.footer ?? '';
    canvas = writer.addPage(orientation);
    pages++;
    y = margin;
    return canvas;
  };
  for (const doc of docs) {
    let page: PageCanvas =
      canvas !== null &&
      (doc.orientation ?? 'portrait') === orientation &&
      y + gap + startHeight(canvas, doc) <= bottom()
        ? canvas
        : (await close(), open(doc));
    if (y > margin) y += gap;
    y += heading(page, doc, y, true);
    if (doc.rows.length === 0) continue;
    let from = 0;
    for (;;) {
      const block: TableBlock = {
        x: margin,
        width: page.width - 2 * margin,
        columns: doc.columns,
        fontSize: doc.fontSize,
        font: doc.font,
      };
      const drawn = drawRows(page, block, doc.rows, from, y, bottom());
      y = drawn.bottom;
      from = drawn.next;
      if (from >= doc.rows.length) break;
      await close();
      page = open(doc);
      y += heading(page, doc, y, true);
    }
    const width = page.width - 2 * margin;
    for (const note of doc.notes ?? []) {
      if (y + 4 + page.wrap(note, width, 8).length * 10 > bottom()) {
        await close();
        page = open(doc);
      }
      y += 4 + page.paragraph(note, margin, y + 4, width, { size: 8 });
    }
  }
  await close();
  return pages;
}

/** One titled table over as many pages as it needs, the header repeated on each. */
export function writeTable(writer: PdfWriter, doc: TableDocument): Promise<number> {
  return writeTables(writer, [doc]);
}
