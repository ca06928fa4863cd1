import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { Text } from '@mantine/core';
import type { JournalGrid } from '../../../../shared/contract';
import { monthKey } from '../../../../shared/dates';
import { GridHeader } from './GridHeader';
import { outbox } from '../../api/outbox';
import { readCell, type CellAddress } from './cellState';
import { cellConflicts, type CellConflict } from './conflicts';
import { GridRow, type CellStatus } from './GridRow';
import { Legend } from './Legend';
import { useGrid } from './useGrid';
import type { CellWriter } from './useCellWriter';
import { useGridEditing, type Pos } from './useGridEditing';
import { withWaiting } from './waiting';
import './grid.css';

export interface GridHandle {
  /** Puts the keyboard on the grid, on the given lesson's column (the first student) or where it was. */
  focus(lessonId?: number): void;
}

interface Props {
  grid: JournalGrid;
  today: string;
  writer: CellWriter;
  report(message: string): void;
  initialLessonId: number | null;
  onActiveChange(pos: { lessonId: number | null; studentId: number | null }): void;
}

/** The index of the last lesson up to today: where a teacher usually writes. */
function defaultCol(grid: JournalGrid, today: string, lessonId: number | null): number {
  const chosen = grid.lessons.findIndex((l) => l.id === lessonId);
  if (chosen >= 0) return chosen;
  const past = grid.lessons.filter((l) => l.date <= today).length;
  return Math.max(0, past - 1);
}

/** The journal's page on screen: students × lessons with marks and absences, the average, the suggestion and the period mark. */
export const JournalGridView = forwardRef<GridHandle, Props>(function JournalGridView(
  { grid, today, writer, report, initialLessonId, onActiveChange },
  ref,
) {
  const items = useSyncExternalStore(outbox.subscribe, outbox.items);
  const conflicts = useSyncExternalStore(cellConflicts.subscribe, cellConflicts.all);
  const { shown, waiting } = useMemo(() => withWaiting(grid, items), [grid, items]);
  const model = useGrid(shown);
  const scroller = useRef<HTMLDivElement>(null);
  const editing = useGridEditing(
    grid,
    writer,
    report,
    { row: 0, col: defaultCol(grid, today, initialLessonId) },
    today,
  );
  const { active, setActive, buffer } = editing;

  useImperativeHandle(ref, () => ({
    focus(lessonId) {
      const col = lessonId === undefined ? -1 : grid.lessons.findIndex((l) => l.id === lessonId);
      if (col >= 0) setActive({ row: 0, col });
      scroller.current?.focus();
    },
  }));

  // Another journal or period opens on its own latest lesson.
  const journalKey = `${grid.assignment.id}:${grid.scope}:${grid.period.id}`;
  const opened = useRef(journalKey);
  useEffect(() => {
    if (opened.current === journalKey) return;
    opened.current = journalKey;
    setActive({ row: 0, col: defaultCol(grid, today, initialLessonId) });
  }, [grid, initialLessonId, journalKey, setActive, today]);

  const lesson = grid.lessons[active.col] ?? null;
  const student = grid.students[active.row] ?? null;
  useEffect(
    () => onActiveChange({ lessonId: lesson?.id ?? null, studentId: student?.id ?? null }),
    [lesson?.id, student?.id, onActiveChange],
  );

  // The active cell stays in view as the keyboard moves it.
  useLayoutEffect(() => {
    const cell = scroller.current?.querySelector<HTMLElement>('td.zg-active');
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active]);
  useLayoutEffect(() => scrollToActiveDay(scroller.current), [journalKey]);

  const monthStarts = useMemo(() => {
    const starts = new Set<number>();
    grid.lessons.forEach((l, i) => {
      if (i > 0 && monthKey(l.date) !== monthKey(grid.lessons[i - 1]?.date ?? '')) starts.add(l.id);
    });
    return starts;
  }, [grid.lessons]);
  const pick = useCallback((row: number, col: number) => setActive({ row, col }), [setActive]);
  const write = writer.write;
  const status = useMemo(
    (): CellStatus => ({
      assignmentId: grid.assignment.id,
      periodId: grid.period.id,
      waiting,
      conflicts,
      valueAt: (address: CellAddress) => readCell(grid, address),
      onKeep: (c: CellConflict) => cellConflicts.dismiss(c.place),
      onMine: (c: CellConflict) => {
        cellConflicts.dismiss(c.place);
        write(c.address, c.mine);
      },
    }),
    [grid, waiting, conflicts, write],
  );
  const pickLesson = useCallback((col: number) => setActive((p: Pos) => ({ row: p.row, col })), [setActive]);

  if (!model) return null;
  if (model.rows.length === 0) return <Text c="dimmed">В этом периоде в классе нет учеников.</Text>;
  return (
    <>
      {model.lessons.length === 0 && (
        <Text c="dimmed" mb="sm">
          В этом периоде уроков по предмету нет.
        </Text>
      )}
      <div
        className="zg-scroll"
        ref={scroller}
        tabIndex={0}
        // A keyboard-driven region around a plain table: the table keeps its rows and cells for screen readers.
        role="region"
        aria-label="Отметки и пропуски"
        onKeyDown={editing.onKeyDown}
        onPaste={editing.onPaste}
        data-testid="grid-scroll"
      >
        <table className="zg-table" data-testid="journal-grid">
          <GridHeader model={model} today={today} activeLessonId={lesson?.id ?? null} onPickLesson={pickLesson} />
          <tbody>
            {model.rows.map((row, i) => (
              <GridRow
                key={row.student.id}
                row={row}
                rowIndex={i}
                monthStarts={monthStarts}
                activeCol={active.row === i ? active.col : null}
                buffer={active.row === i ? buffer : null}
                invalid={active.row === i ? editing.invalid : null}
                status={status}
                onPick={pick}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Legend workKinds={model.usedWorkKinds} />
    </>
  );
});

/** A long period opens scrolled to the active lesson: that is where a teacher writes. */
function scrollToActiveDay(container: HTMLDivElement | null): void {
  if (!container) return;
  const day = container.querySelector<HTMLElement>('th.zg-day-active');
  if (!day) return;
  const cell = day.getBoundingClientRect();
  const rightEdge = cell.right - container.getBoundingClientRect().left + container.scrollLeft;
  const rightColumns = 150; // «Ср.», «Реком.» and «Итог» stay on the right above the scrolled days
  const aheadColumns = 3 * cell.width; // and a few days after it remain visible
  container.scrollLeft = Math.max(0, rightEdge + aheadColumns + rightColumns - container.clientWidth);
}
