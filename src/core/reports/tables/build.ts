import type { ReportCell, ReportColumn, ReportTable } from '../../../shared/contract/report-table';

export const col = (key: string, header: string, width: number, kind: ReportColumn['kind'] = 'text'): ReportColumn => ({ key, header, width, kind });
export const markCol = (key: string, header: string, width = 6) => col(key, header, width, 'mark');
export const int = (key: string, header: string, width = 7) => col(key, header, width, 'int');
export const percent = (key: string, header: string, width = 8) => col(key, header, width, 'percent');
export const decimal = (key: string, header: string, width = 8) => col(key, header, width, 'decimal');

export function table(
  title: string,
  subtitle: string | null,
  columns: ReportColumn[],
  rows: ReportCell[][],
  extra: { total?: ReportCell[] | null; links?: ReportTable['links'] } = {},
): ReportTable {
  return { title, subtitle, columns, rows, total: extra.total ?? null, links: extra.links ?? null };
}

const months = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
/** «2025-09» → «сентябрь 2025». */
export const monthName = (month: string) => `${months[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
export const monthShort = (month: string) => (months[Number(month.slice(5, 7)) - 1] ?? month).slice(0, 3);
/** «2025-09-01» → «01.09.2025». */
export const ruDate = (iso: string) => iso.split('-').reverse().join('.');
/** «приказ № 12-у от 01.09.2025», whether the number was typed with its «№» or without. */
export const orderText = (number: string, date: string | null) => `приказ № ${number.replace(/^\s*№\s*/, '')}${date ? ` от ${ruDate(date)}` : ''}`;
