// A table of the contract (ReportTable), built once and drawn alike on screen, in the PDF (pdf.ts) and in the
// XLSX workbook (xlsx.ts): the reports, the movement book and the audit log's export all speak it.
import type { ReportCell, ReportColumn, ReportTable } from '../../shared/contract/report-table';

export const col = (key: string, header: string, width: number, kind: ReportColumn['kind'] = 'text'): ReportColumn => ({
  key,
  header,
  width,
  kind,
});
export const markCol = (key: string, header: string, width = 6) => col(key, header, width, 'mark');
export const int = (key: string, header: string, width = 7) => col(key, header, width, 'int');
export const percent = (key: string, header: string, width = 8) => col(key, header, width, 'percent');
export const decimal = (key: string, header: string, width = 8) => col(key, header, width, 'decimal');

export function table(
  title: string,
  subtitle: string | null,
  columns: ReportColumn[],
  rows: ReportCell[][],
  extra: { total?: ReportCell[] | null; links?: ReportTable['links']; notes?: string[] } = {},
): ReportTable {
  return {
    title,
    subtitle,
    columns,
    rows,
    total: extra.total ?? null,
    links: extra.links ?? null,
    ...(extra.notes ? { notes: extra.notes } : {}),
  };
}
