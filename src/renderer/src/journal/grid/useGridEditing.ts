import { useCallback, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { lessonRefusal, type JournalGrid } from '../../../../shared/contract';
import { parseCellInput, parsePeriodInput } from './cellInput';
import { cellText, readCell, readLessonCell, targetOf, type CellAddress, type CellValue } from './cellState';
import type { CellWriter } from './useCellWriter';

export interface Pos {
  row: number;
  col: number;
}

/**
 * Typed characters that start editing a cell: any letter or digit and the separators, so that a key the journal
 * does not understand is answered in the cell rather than ignored.
 */
const startsEntry = /^[\p{L}\p{N}/,.?\\|]$/u;

/**
 * The grid as a spreadsheet: arrows, Tab, Enter, Home/End move; typing starts an entry that Enter or Tab
 * saves; Delete clears; Ctrl+Z / Ctrl+Shift+Z undo and redo; a pasted column fills the cells downwards.
 * Columns are the lessons, then the period mark.
 */
export function useGridEditing(
  grid: JournalGrid,
  writer: CellWriter,
  report: (message: string) => void,
  initial: Pos,
  today: string,
) {
  const [active, setActive] = useState<Pos>(initial);
  const [buffer, setBufferState] = useState<string | null>(null);
  // Why the entry in the active cell was not saved, shown beside that cell; the next key replaces the entry.
  const [invalid, setInvalid] = useState<string | null>(null);
  const setBuffer = useCallback((next: string | null) => {
    setBufferState(next);
    setInvalid(null);
  }, []);
  // The cell as it was when typing began: what the teacher saw, so a save by someone else meanwhile is a conflict.
  const seen = useRef<CellValue | undefined>(undefined);
  const rows = grid.students.length;
  const cols = grid.lessons.length + 1;

  const addressAt = useCallback(
    (pos: Pos): CellAddress | null => {
      const student = grid.students[pos.row];
      if (!student) return null;
      const lesson = grid.lessons[pos.col];
      return lesson
        ? { studentId: student.id, lessonId: lesson.id }
        : { studentId: student.id, periodId: grid.period.id };
    },
    [grid],
  );

  /** Saves what was typed into a cell; the reason when it is not a valid entry (nothing is saved), else null. */
  const commit = useCallback(
    (pos: Pos, text: string, before?: CellValue): string | null => {
      const address = addressAt(pos);
      if (!address) return null;
      if ('lessonId' in address) {
        const parsed = parseCellInput(text);
        if (!parsed.ok) return parsed.message;
        const lesson = grid.lessons[pos.col];
        const refusal =
          lesson && parsed.entry.kind !== 'clear' ? lessonRefusal(lesson, today, parsed.entry.kind) : null;
        if (refusal) return refusal;
        writer.write(
          address,
          targetOf(parsed.entry, readLessonCell(grid, address.studentId, address.lessonId)),
          before,
        );
      } else {
        const parsed = parsePeriodInput(text);
        if (!parsed.ok) return parsed.message;
        writer.write(address, parsed.entry, before);
      }
      return null;
    },
    [addressAt, grid, today, writer],
  );

  const move = useCallback(
    (dRow: number, dCol: number, from: Pos = active) => {
      const next = {
        row: Math.min(rows - 1, Math.max(0, from.row + dRow)),
        col: Math.min(cols - 1, Math.max(0, from.col + dCol)),
      };
      setActive(next);
      return next;
    },
    [active, cols, rows],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const ctrl = e.ctrlKey || e.metaKey;
      // e.code, not e.key: Ctrl+Z is the same key on the Russian layout, where e.key is «я».
      if (ctrl && e.code === 'KeyZ') {
        e.preventDefault();
        setBuffer(null);
        if (e.shiftKey) writer.redo();
        else writer.undo();
        return;
      }
      if (ctrl && e.code === 'KeyY') {
        e.preventDefault();
        writer.redo();
        return;
      }
      if (ctrl || e.altKey) return;
      const editing = buffer !== null;
      const leave = (dRow: number, dCol: number) => {
        e.preventDefault();
        const refused = editing ? commit(active, buffer, seen.current) : null;
        if (refused !== null) return setInvalid(refused);
        setBuffer(null);
        move(dRow, dCol);
      };
      switch (e.key) {
        case 'Enter':
          return leave(e.shiftKey ? -1 : 1, 0);
        case 'Tab':
          return leave(0, e.shiftKey ? -1 : 1);
        case 'ArrowDown':
          return leave(1, 0);
        case 'ArrowUp':
          return leave(-1, 0);
        case 'ArrowLeft':
          return editing ? undefined : leave(0, -1);
        case 'ArrowRight':
          return editing ? undefined : leave(0, 1);
        case 'Home':
          return leave(0, -cols);
        case 'End':
          return leave(0, cols);
        case 'Escape':
          e.preventDefault();
          return setBuffer(null);
        case 'F2': {
          e.preventDefault();
          const address = addressAt(active);
          seen.current = address ? readCell(grid, address) : undefined;
          return setBuffer(address ? cellText(seen.current ?? null) : '');
        }
        case 'Backspace':
          e.preventDefault();
          if (editing) return setBuffer(invalid === null ? buffer.slice(0, -1) : '');
          return void commit(active, '');
        case 'Delete':
          e.preventDefault();
          setBuffer(null);
          return void commit(active, '');
      }
      if (e.key.length === 1 && (editing || startsEntry.test(e.key))) {
        e.preventDefault();
        if (!editing) {
          const address = addressAt(active);
          seen.current = address ? readCell(grid, address) : undefined;
        }
        // After a refused entry the next key starts over: «7», Enter, «5» is «5», not «75».
        setBuffer((editing && invalid === null ? buffer : '') + e.key);
      }
    },
    [active, addressAt, buffer, commit, cols, grid, invalid, move, setBuffer, writer],
  );

  /** A column (or block) copied from a spreadsheet: one line per student from the active cell down. */
  const onPaste = useCallback(
    (e: ClipboardEvent) => {
      const text = e.clipboardData.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      setBuffer(null);
      const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
      lines.forEach((line, i) =>
        line.split('\t').forEach((value, j) => {
          const pos = { row: active.row + i, col: active.col + j };
          const refused = pos.row < rows && pos.col < cols ? commit(pos, value) : null;
          if (refused !== null) report(refused);
        }),
      );
    },
    [active, commit, cols, report, rows, setBuffer],
  );

  return { active, setActive, buffer, invalid, setBuffer, onKeyDown, onPaste };
}
