// A report as a PDF through the print engine (src/core/print): each table titled, paginated with its header
// repeated, the total in the last row; wide tables go landscape.
import { PdfWriter, writeTable, type TableColumn } from '../print';
import type { ReportCell, ReportColumn, ReportTable } from '../../shared/contract/report-table';

/** How a number reads on paper: percentages and averages with a decimal comma, as Russian forms print them. */
export function formatCell(value: ReportCell, kind: ReportColumn['kind']): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return value.toFixed(1).replace('.', ',');
  if (kind === 'decimal') return value.toFixed(2).replace('.', ',');
  return String(value);
}

export async function reportPdf(title: string, tables: readonly ReportTable[], meta: { fontsDir: string; school: string | null; created: Date }): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ fontsDir: meta.fontsDir, title, date: meta.created });
  for (const t of tables) {
    const columns: TableColumn[] = t.columns.map((c) => ({ title: c.header, width: c.width, align: c.kind === 'text' ? 'left' : 'center' }));
    const rows = [...t.rows, ...(t.total ? [t.total] : [])].map((r) => r.map((v, i) => formatCell(v, t.columns[i]?.kind ?? 'text')));
    const width = t.columns.reduce((s, c) => s + c.width, 0);
    await writeTable(pdf, {
      title: t.title,
      subtitle: [meta.school, t.subtitle].filter(Boolean).join('. ') || undefined,
      columns,
      rows,
      orientation: width > 110 || t.columns.length > 12 ? 'landscape' : 'portrait',
      fontSize: t.columns.length > 30 ? 7 : 9,
      footer: title,
    });
  }
  if (tables.length === 0) {
    await writeTable(pdf, { title, columns: [{ title: 'Нет данных', width: 1 }], rows: [] });
  }
  return pdf.save();
}
