// What every report builder gives back (registry.ts and its parts), and the memo the service lends them: the
// builders and the service both speak these types, so they live apart from either.
import type { ReportTable } from '../../shared/contract/report-table';

export interface Envelope<D> {
  name: string;
  title: string;
  subtitle: string;
  data: D;
  tables: ReportTable[];
}

/** Keeps a costly figure (the forecast's accuracy on history) for the day: the service owns the store. */
export type Memo = <T>(key: string, make: () => T) => T;
