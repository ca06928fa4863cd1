import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';

/** One row of a spreadsheet as text cells, with the row number the teacher sees in Excel or in the text file. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** More rows than any year's plan has: a wrong file, refused before anything is parsed further. */
export const maxRows = 600;

/** CSV saved by Russian Excel is Windows-1251; saved elsewhere, UTF-8 (with or without a BOM). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function readCsv(bytes: Buffer): TableRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeText(bytes), {
      delimiter: [';', '\t', ','],
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

async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation', 'Файл не читается как книга Excel (.xlsx). Сохраните его в Excel как «Книга Excel» и попробуйте снова.');
  }
  // The plan is on the first sheet that has anything on it.
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push((row.getCell(c).text ?? '').trim());
    rows.push({ line, cells });
  });
  return rows;
}

/** The rows of an uploaded .xlsx or .csv file, empty rows left out. */
export async function readTable(fileName: string, bytes: Buffer): Promise<TableRow[]> {
  const rows = /\.xlsx$/i.test(fileName) ? await readXlsx(bytes) : readCsv(bytes);
  const filled = rows.filter((r) => r.cells.some((c) => c !== ''));
  if (filled.length > maxRows) throw new AppError('validation', `В файле ${filled.length} строк: в плане не может быть больше ${maxRows}. Проверьте, тот ли это файл.`);
  return filled;
}
