// Tables (a report, the movement book) as a PDF through the print engine (src/core/print): each table titled,
// paginated with its header repeated, the total in the last row; wide tables go landscape.
import { PdfWriter, writeTables, type TableColumn, type TableDocument } from '../print';
import type { ReportTable } from '../../shared/contract/report-table';
import { formatCell } from '../../shared/numbers';

export async function reportPdf(
  title: string,
  tables: readonly ReportTable[],
  meta: { fontsDir: string; school: string | null; created: Date },
): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ fontsDir: meta.fontsDir, title, date: meta.created });
  // One orientation for the whole document (landscape when any table is wide), so short tables share pages
  // and the printed report does not turn back and forth; the school is named once, above the first table.
  const wide = tables.some((t) => t.columns.reduce((s, c) => s + c.width, 0) > 110 || t.columns.length > 12);
  const docs: TableDocument[] = tables.map((t, index) => {
    const columns: TableColumn[] = t.columns.map((c) => ({
      title: c.header,
      width: c.width,
      align: c.kind === 'text' ? 'left' : 'center',
    }));
    const rows = [...t.rows, ...(t.total ? [t.total] : [])].map((r) =>
      r.map((v, i) => formatCell(v, t.columns[i]?.kind ?? 'text')),
    );
    return {
      title: t.title,
      subtitle:
        [index === 0 ? meta.school : null, t.subtitle ?? (rows.length === 0 ? 'Нет данных.' : null)]
          .filter(Boolean)
          .join('. ') || undefined,
      columns,
      rows,
      notes: t.notes,
      orientation: wide ? 'landscape' : 'portrait',
      fontSize: t.columns.length > 30 ? 7 : 9,
      footer: title,
    };
  });
  await writeTables(
    pdf,
    docs.length > 0 ? docs : [{ title, subtitle: 'Нет данных.', columns: [], rows: [], footer: title }],
  );
  return pdf.save();
}
