import type { ReportLine } from '../reports/ReportTableView';
import type { RemarkTarget } from './RemarkDialog';

/**
 * A remark on a control report's line: the journal it names, and the faults the line lists as a first draft
 * (the «Замечания» column of the problem lessons).
 */
export function remarkTargetOf(line: ReportLine, columns: readonly { key: string }[], checkId?: number): RemarkTarget {
  const cell = (key: string) => {
    const i = columns.findIndex((c) => c.key === key);
    const v = i < 0 ? null : line.cells[i];
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const journalName =
    cell('journal') ?? [cell('class'), cell('subject')].filter((s): s is string => s !== null).join(' · ');
  const date = cell('date');
  const problems = cell('problems');
  return {
    assignmentId: line.assignmentId,
    journalName,
    checkId,
    text: problems ? `${date ? `${date}: ` : ''}${problems}` : undefined,
  };
}
