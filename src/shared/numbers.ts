// Numbers as Russian forms print them: a decimal comma, percentages to a tenth. The report on screen, in the PDF
// and in the journal's averages take their formats from here, so paper and screen read the same.
import type { ReportCell, ReportColumn } from './contract/report-table';

/** «4,33»: `digits` decimals with the Russian comma. */
export const withComma = (x: number, digits: number): string => x.toFixed(digits).replace('.', ',');

/** A share in percent to a tenth (12,5 % → 12.5); null when there is nothing to take a share of. */
export const percentOf = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/** «12,5 %» */
export const percentText = (percent: number): string => `${withComma(percent, 1)} %`;

/** A report's cell as text: one decimal for percentages, two for averages, as the forms print them. */
export function formatCell(value: ReportCell, kind: ReportColumn['kind']): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return withComma(value, 1);
  if (kind === 'decimal') return withComma(value, 2);
  return String(value);
}
