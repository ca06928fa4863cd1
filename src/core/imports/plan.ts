import type { ImportPreview } from '../../shared/contract/imports';

/** One row of a file as the import will treat it: written anew, already there, or refused with a reason. */
export interface PlannedRow<V> {
  line: number;
  summary: string;
  status: 'new' | 'exists' | 'error';
  error: string | null;
  value: V | null;
}

// A preview of 10,000 rows shows every error (up to a screenful of screens) and the first rows of the rest.
const maxErrorRows = 1000;
const maxOtherRows = 200;

export function previewOf(rows: PlannedRow<unknown>[], newClasses: string[] = []): ImportPreview {
  const count = (s: PlannedRow<unknown>['status']) => rows.filter((r) => r.status === s).length;
  const strip = ({ line, summary, status, error }: PlannedRow<unknown>) => ({ line, summary, status, error });
  return {
    total: rows.length,
    new: count('new'),
    exists: count('exists'),
    errors: count('error'),
    newClasses,
    rows: [
      ...rows.filter((r) => r.status === 'error').slice(0, maxErrorRows),
      ...rows.filter((r) => r.status !== 'error').slice(0, maxOtherRows),
    ]
      .sort((a, b) => a.line - b.line)
      .map(strip),
  };
}

/** Row errors are joined lower-case («не заполнено имя; …») and shown as a sentence. */
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
