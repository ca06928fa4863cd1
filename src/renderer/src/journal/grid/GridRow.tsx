import { memo, type ReactNode } from 'react';
import { Tooltip } from '@mantine/core';
import type { CellAddress, CellValue } from './cellState';
import { ConflictChoice } from './ConflictChoice';
import { cellPlace, type CellConflict } from './conflicts';
import { absenceNames, formatWeight } from './labels';
import { readableColor } from './readableColor';
import type { CellModel, RowModel } from './useGrid';

export const waitingNote = 'не сохранено — ждёт связи';

/** What a row needs to show saves that wait for the server and conflicts that wait for the teacher. */
export interface CellStatus {
  assignmentId: number;
  periodId: number;
  /** The places (conflicts.ts) whose save waits in the outbox. */
  waiting: ReadonlySet<string>;
  conflicts: ReadonlyMap<string, CellConflict>;
  valueAt(address: CellAddress): CellValue;
  onKeep(conflict: CellConflict): void;
  onMine(conflict: CellConflict): void;
}

function cellTitle(cell: CellModel, outsideNote: string | null, waiting: boolean): string | undefined {
  const lines: string[] = waiting ? [waitingNote] : [];
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
  invalid: string | null;
  status: CellStatus;
  onPick(): void;
}

function Cell({ cell, studentId, monthStart, note, active, buffer, invalid, status, onPick }: CellProps) {
  const address = { studentId, lessonId: cell.lessonId };
  const place = cellPlace(status.assignmentId, address);
  const waiting = status.waiting.has(place);
  const conflict = status.conflicts.get(place);
  const classes = ['zg-cell'];
  if (monthStart) classes.push('zg-month-start');
  if (cell.outside) classes.push('zg-outside');
  if (active) classes.push('zg-active');
  if (waiting) classes.push('zg-waiting');
  if (conflict) classes.push('zg-conflict');
  return (
    <ConflictChoice
      conflict={conflict}
      theirs={conflict ? status.valueAt(address) : null}
      onKeep={status.onKeep}
      onMine={status.onMine}
    >
      <td
        className={classes.join(' ')}
        data-testid={`cell-${studentId}-${cell.lessonId}`}
        data-waiting={waiting || undefined}
        title={cellTitle(cell, note, waiting)}
        onMouseDown={onPick}
      >
        {active && buffer !== null ? (
          <Typed text={buffer} invalid={invalid} />
        ) : (
          <>
            {cell.absence && <span className="zg-absence">{cell.absence}</span>}
            {cell.mark && (
              <span
                className="zg-mark"
                style={cell.workKind ? { color: readableColor(cell.workKind.color) } : undefined}
                data-control={cell.workKind?.isControl || undefined}
                data-failing={/^[12]/.test(cell.mark) || undefined}
              >
                {cell.mark}
              </span>
            )}
          </>
        )}
      </td>
    </ConflictChoice>
  );
}

/**
 * What is being typed into the active cell; an entry that was not saved is marked and says why right beside
 * the cell, one message at a time, until the next key replaces it or Escape brings back the saved value.
 */
function Typed({ text, invalid }: { text: string; invalid: string | null }): ReactNode {
  const typed = (
    <span className={invalid ? 'zg-buffer zg-invalid' : 'zg-buffer'} data-testid="cell-buffer">
      {text}
    </span>
  );
  if (invalid === null) return typed;
  return (
    <Tooltip
      opened
      label={invalid}
      color="red"
      position="bottom-start"
      withArrow
      multiline
      w={300}
      role="alert"
      data-testid="cell-error"
    >
      {typed}
    </Tooltip>
  );
}

interface RowProps {
  row: RowModel;
  rowIndex: number;
  monthStarts: ReadonlySet<number>;
  /** The active column when the active cell is on this row, else null: other rows do not redraw. */
  activeCol: number | null;
  buffer: string | null;
  invalid: string | null;
  status: CellStatus;
  onPick(row: number, col: number): void;
}

/** One student's line: number, name (with arrival or leaving), a cell per lesson, the average, the suggestion and the period mark. */
export const GridRow = memo(function GridRow({
  row,
  rowIndex,
  monthStarts,
  activeCol,
  buffer,
  invalid,
  status,
  onPick,
}: RowProps) {
  const { student, suggestion } = row;
  const finalCol = row.cells.length;
  const finalActive = activeCol === finalCol;
  const finalAddress = { studentId: student.id, periodId: status.periodId };
  const finalPlace = cellPlace(status.assignmentId, finalAddress);
  const finalWaiting = status.waiting.has(finalPlace);
  const finalConflict = status.conflicts.get(finalPlace);
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
          invalid={invalid}
          status={status}
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
      <ConflictChoice
        conflict={finalConflict}
        theirs={finalConflict ? status.valueAt(finalAddress) : null}
        onKeep={status.onKeep}
        onMine={status.onMine}
      >
        <td
          className={[
            'zg-final',
            finalActive && 'zg-active',
            finalWaiting && 'zg-waiting',
            finalConflict && 'zg-conflict',
          ]
            .filter(Boolean)
            .join(' ')}
          data-testid={`period-mark-${student.id}`}
          data-waiting={finalWaiting || undefined}
          title={finalWaiting ? waitingNote : undefined}
          onMouseDown={() => onPick(rowIndex, finalCol)}
        >
          {finalActive && buffer !== null ? <Typed text={buffer} invalid={invalid} /> : row.periodMark}
        </td>
      </ConflictChoice>
    </tr>
  );
});
