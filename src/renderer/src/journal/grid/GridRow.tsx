import { memo } from 'react';
import { absenceNames, formatWeight } from './labels';
import type { CellModel, RowModel } from './useGrid';

function cellTitle(cell: CellModel, outsideNote: string | null): string | undefined {
  const lines: string[] = [];
  if (cell.mark && cell.workKind) lines.push(`${cell.mark} — ${cell.workKind.name} (вес ${formatWeight(cell.workKind.weight)})`);
  if (cell.absence) lines.push(`${cell.absence} — ${absenceNames[cell.absence]}`);
  if (cell.outside && outsideNote) lines.push(`Не в списке класса на эту дату (${outsideNote})`);
  return lines.length ? lines.join('\n') : undefined;
}

function Cell({ cell, studentId, monthStart, note }: { cell: CellModel; studentId: number; monthStart: boolean; note: string | null }) {
  const classes = ['zg-cell'];
  if (monthStart) classes.push('zg-month-start');
  if (cell.outside) classes.push('zg-outside');
  return (
    <td className={classes.join(' ')} data-testid={`cell-${studentId}-${cell.lessonId}`} title={cellTitle(cell, note)}>
      {cell.absence && <span className="zg-absence">{cell.absence}</span>}
      {cell.mark && (
        <span className="zg-mark" style={cell.workKind ? { color: cell.workKind.color } : undefined}>
          {cell.mark}
        </span>
      )}
    </td>
  );
}

/** One student's line: number, name (with arrival or leaving), a cell per lesson, the average and the period mark. */
export const GridRow = memo(function GridRow({ row, monthStarts }: { row: RowModel; monthStarts: ReadonlySet<number> }) {
  const { student } = row;
  return (
    <tr data-testid={`row-${student.id}`}>
      <td className="zg-num">{student.number}</td>
      <td className="zg-name" title={row.note ? `${student.fullName} — ${row.note}` : student.fullName}>
        {row.shownName}
        {row.note && <span className="zg-note">{row.note}</span>}
      </td>
      {row.cells.map((cell) => (
        <Cell key={cell.lessonId} cell={cell} studentId={student.id} monthStart={monthStarts.has(cell.lessonId)} note={row.note} />
      ))}
      <td className="zg-avg" data-testid={`average-${student.id}`}>
        {row.average}
      </td>
      <td className="zg-final" data-testid={`period-mark-${student.id}`}>
        {row.periodMark}
      </td>
    </tr>
  );
});
