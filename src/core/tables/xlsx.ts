// Tables (a report, the movement book, the audit log) as an XLSX workbook a deputy can keep working in: one
// sheet per table, Russian headers, column widths, number formats (numbers stay numbers), a frozen header and
// a bold «Итого».
import ExcelJS from 'exceljs';
import type { ReportColumn, ReportTable } from '../../shared/contract/report-table';

const formats: Record<ReportColumn['kind'], string | undefined> = {
  text: undefined,
  mark: undefined,
  int: '0',
  decimal: '0.00',
  percent: '0.0',
};
const thin = { style: 'thin' as const, color: { argb: 'FF9AA5B1' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Excel forbids some characters and more than 31 of them in a sheet name, and wants names unique. */
function sheetName(title: string, taken: Set<string>): string {
  const clean = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut at a word boundary: «Итоги успеваемости 1 четверт» reads worse than «Итоги успеваемости».
  const cut = clean.slice(0, 28);
  const base = (clean.length > 28 && cut.lastIndexOf(' ') > 10 ? cut.slice(0, cut.lastIndexOf(' ')) : cut) || 'Лист';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function reportWorkbook(
  title: string,
  tables: readonly ReportTable[],
  meta: { school: string | null; created: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Журнал';
  wb.created = meta.created;
  wb.title = title;
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, taken), {
      pageSetup: {
        orientation: t.columns.length > 10 ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    ws.columns = t.columns.map((c) => ({ key: c.key, width: Math.max(4, c.width + 1) }));
    const titleRow = ws.addRow([t.title]);
    titleRow.font = { bold: true, size: 13 };
    const lines = [meta.school, t.subtitle].filter((s): s is string => !!s);
    for (const line of lines) ws.addRow([line]).font = { italic: true, size: 9, color: { argb: 'FF555555' } };
    ws.addRow([]);
    const header = ws.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.eachCell((cell) => {
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF4' } };
    });
    const addData = (values: readonly (string | number | null)[], bold: boolean) => {
      const row = ws.addRow(values.map((v) => (v === null ? null : v)));
      t.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.border = border;
        const fmt = formats[c.kind];
        if (fmt) cell.numFmt = fmt;
        if (c.kind !== 'text') cell.alignment = { horizontal: 'center' };
        if (bold) cell.font = { bold: true };
      });
    };
    for (const r of t.rows) addData(r, false);
    if (t.total) addData(t.total, true);
    if (t.notes?.length) ws.addRow([]);
    for (const note of t.notes ?? []) ws.addRow([note]).font = { size: 9 };
    ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a workbook back into tables of cell values (for tests and for checking a file by eye). */
export async function readWorkbook(data: Buffer): Promise<Array<{ name: string; rows: unknown[][] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as unknown[]).slice(1);
      // exceljs drops trailing empty cells: pad to the sheet's width so rows compare column by column.
      while (values.length < ws.columnCount) values.push(null);
      rows.push(Array.from(values, (v) => (v === undefined ? null : v)));
    });
    return { name: ws.name, rows };
  });
}
