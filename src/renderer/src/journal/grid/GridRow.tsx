import { memo } from 'react';
import { absenceNames, formatWeight } from './labels';
import type { CellModel, RowModel } from './useGrid';

function cellTitle(cell: CellModel, outsideNote: string | null): string | undefined {
  const lines: string[] = [];
  if (cell.mark && cell.workKind)
    lines.push(`${cell.mark} — ${cell.workKind.name} (вес ${formatWeight(cell.workKind.weight)})`);
  if (cell.absence) lines.push(`${cell.absence} — ${absenceNames[cell.absence]}`);
  if (cell.outside && outsideNote) lines.push(`Не в списке класса на эту дату (${outsideNote})`);
  return lines.length ? lines.join('\n') : undefined;
}

interface CellProps {
  cell: CellModel;
  studentId: number;
  monthStart: boolean;
  note: string | null;
  active: boolean;
  buffer: string | null;
  onPick(): void;
}

function Cell({ cell, studentId, monthStart, note, active, buffer, onPick }: CellProps) {
  const classes = ['zg-cell'];
  if (monthStart) classes.push('zg-month-start');
  if (cell.outside) classes.push('zg-outside');
  if (active) classes.push('zg-active');
  return (
    <td
      className={classes.join(' ')}
      data-testid={`cell-${studentId}-${cell.lessonId}`}
      title={cellTitle(cell, note)}
      onMouseDown={onPick}
    >
      {active && buffer !== null ? (
        <span className="zg-buffer" data-testid="cell-buffer">
          {buffer}
        </span>
      ) : (
        <>
          {cell.absence && <span className="zg-absence">{cell.absence}</span>}
          {cell.mark && (
            <span className="zg-mark" style={cell.workKind ? { color: cell.workKind.color } : undefined}>
              {cell.mark}
            </span>
          )}
        </>
      )}
    </td>
  );
}

interface RowProps {
  row: RowModel;
  rowIndex: number;
  monthStarts: ReadonlySet<number>;
  /** The active column when the active cell is on this row, else null: other rows do not redraw. */
  activeCol: number | null;
  buffer: string | null;
  onPick(row: number, col: number): void;
}

/** One student's line: number, name (with arrival or leaving), a cell per lesson, the average, the suggestion and the period mark. */
export const GridRow = memo(function GridRow({ row, rowIndex, monthStarts, activeCol, buffer, onPick }: RowProps) {
  const { student, suggestion } = row;
  const finalCol = row.cells.length;
  const finalActive = activeCol === finalCol;
  return (
    <tr data-testid={`row-${student.id}`}>
      <td className="zg-num">{student.number}</td>
      <td className="zg-name" title={row.note ? `${student.fullName} — ${row.note}` : student.fullName}>
        {row.shownName}
        {row.note && <span className="zg-note">{row.note}</span>}
      </td>
      {row.cells.map((cell, col) => (
        <Cell
          key={cell.lessonId}
          cell={cell}
          studentId={student.id}
          monthStart={monthStarts.has(cell.lessonId)}
          note={row.note}
          active={activeCol === col}
          buffer={buffer}
          onPick={() => onPick(rowIndex, col)}
        />
      ))}
      <td className="zg-avg" data-testid={`average-${student.id}`}>
        {row.average}
      </td>
      <td
        className={`zg-suggest${suggestion?.naRecommended ? ' zg-suggest-na' : ''}`}
        data-testid={`suggestion-${student.id}`}
        title={
          suggestion?.naRecommended
            ? `Рекомендуется «н/а»: пропущено ${suggestion.lessonsMissed} из ${suggestion.lessonsHeld} уроков, отметок ${suggestion.markCount}`
            : 'Отметка, которую предлагает правило округления школы'
        }
      >
        {suggestion?.suggested ?? ''}
      </td>
      <td
        className={`zg-final${finalActive ? ' zg-active' : ''}`}
        data-testid={`period-mark-${student.id}`}
        onMouseDown={() => onPick(rowIndex, finalCol)}
      >
        {finalActive && buffer !== null ? <span className="zg-buffer">{buffer}</span> : row.periodMark}
      </td>
    </tr>
  );
});
