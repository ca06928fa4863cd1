import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { checkZipLimits, notXlsx } from './zip-limits';
import { AppError } from '../../shared/errors';

/** One row of a spreadsheet as text cells, with the row number the user sees in Excel or in the text file. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** CSV saved by Russian Excel is Windows-1251; saved elsewhere, UTF-8 (with or without a BOM). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/**
 * The separator of the file, taken from its first line outside quotes: Russian Excel writes `;`, others `,`
 * or a tab. One separator per file, so a comma inside a `;` file («математика, физика») stays in its cell.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    ['\t', 0],
    [',', 0],
  ]);
  let quoted = false;
  const start = text.search(/[^\r\n]/);
  for (const ch of text.slice(Math.max(start, 0), Math.max(start, 0) + 10_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

function readCsv(bytes: Uint8Array): TableRow[] {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new AppError('validation', `Файл CSV не читается: ${(e as Error).message}`);
  }
  return records.map((r) => ({ line: r.info.lines, cells: r.record }));
}

/** A cell as the user sees it; a date cell as `YYYY-MM-DD` (exceljs gives dates as UTC midnight). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return (cell.text ?? '').trim();
}

async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  checkZipLimits(bytes);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation', notXlsx);
  }
  // The data is on the first sheet that has anything on it.
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: TableRow[] = [];
  // columnCount walks every row when read: once, not once per cell (10,000 rows took 80 s that way).
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ line, cells });
  });
  return rows;
}

/**
 * The rows of an uploaded .xlsx or .csv file, empty rows left out. `maxRows` refuses a wrong file (a whole
 * database export instead of a plan) before anything is parsed further; `what` names it in the message.
 */
export async function readTable(
  fileName: string,
  bytes: Uint8Array,
  limit: { maxRows: number; what: string },
): Promise<TableRow[]> {
  const rows = /\.xlsx$/i.test(fileName) ? await readXlsx(bytes) : readCsv(bytes);
  const filled = rows.filter((r) => r.cells.some((c) => c !== ''));
  if (filled.length > limit.maxRows) {
    throw new AppError(
      'validation',
      `В файле ${filled.length} строк: ${limit.what} не может быть больше ${limit.maxRows}. Проверьте, тот ли это файл.`,
    );
  }
  return filled;
}
