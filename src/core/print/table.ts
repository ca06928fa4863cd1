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

function drawRow(canvas: PageCanvas, block: TableBlock, ws: number[], cells: string[], y: number, h: number, font: FontName): void {
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
 * Draws rows from `from` on one page between y and maxY, with a header row first; returns the index of the
 * first row that did not fit (rows.length when all did). Cells wrap; lines are one path per page.
 */
export function drawTable(canvas: PageCanvas, block: TableBlock, rows: string[][], from: number, y: number, maxY: number): number {
  const size = block.fontSize ?? 9;
  const font = block.font ?? 'narrow';
  const ws = widths(block);
  const top = y;
  if (block.header !== false) {
    const titles = block.columns.map((c) => c.title);
    const h = rowHeight(canvas, titles, ws, size, 'narrowBold');
    canvas.fill(block.x, y, block.width, h, 0.92);
    drawRow(canvas, { ...block, columns: block.columns.map((c) => ({ ...c, align: 'center' })) }, ws, titles, y, h, 'narrowBold');
    y += h;
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
  return i;
}

export interface TableDocument {
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: string[][];
  orientation?: Orientation;
  fontSize?: number;
  /** Printed at the bottom of each page; the page number follows it. */
  footer?: string;
}

export const margin = mm(15);

/** Page number at the bottom centre: «— 12 —», as the archive asks every page to be numbered. */
export function pageNumber(canvas: PageCanvas, number: number, prefix = ''): void {
  canvas.text(`${prefix}— ${number} —`, 0, canvas.height - mm(8), { size: 9, width: canvas.width, align: 'center' });
}

/**
 * A titled table over as many pages as it needs, the header repeated on each: the report PDFs' page.
 * Returns the number of pages written.
 */
export async function writeTable(writer: PdfWriter, doc: TableDocument): Promise<number> {
  let from = 0;
  let pages = 0;
  do {
    const canvas = writer.addPage(doc.orientation);
    let y = margin;
    canvas.text(doc.title, margin, y + 12, { font: 'narrowBold', size: 13 });
    y += 18;
    if (doc.subtitle) {
      y += canvas.paragraph(doc.subtitle, margin, y, canvas.width - 2 * margin, { size: 10 });
    }
    y += 6;
    const block: TableBlock = { x: margin, width: canvas.width - 2 * margin, columns: doc.columns, fontSize: doc.fontSize };
    from = drawTable(canvas, block, doc.rows, from, y, canvas.height - margin - 10);
    pageNumber(canvas, writer.pageCount, doc.footer ? `${doc.footer}   ` : '');
    await writer.finish(canvas);
    pages++;
  } while (from < doc.rows.length);
  return pages;
}
