import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  contract,
  isSaveConflict,
  type JournalGrid,
  type PeriodMarkValue,
  type SessionUser,
} from '../../../../shared/contract';
import { dayMonth } from '../../../../shared/dates';
import { AppError } from '../../../../shared/errors';
import { newSaveId, outbox, queuedCall, type OutboxItem, type QueuedCall } from '../../api/outbox';
import { gridKey, meKey } from '../../api/queries';
import type { EnsureReason } from '../useCorrectionReason';
import {
  cellText,
  isLessonAddress,
  readCell,
  sameCell,
  stepsBetween,
  withCell,
  type CellAddress,
  type CellValue,
  type LessonCell,
} from './cellState';
import { cellConflicts, cellPlace } from './conflicts';

interface Change {
  address: CellAddress;
  before: CellValue;
  after: CellValue;
}

export interface CellWriter {
  /**
   * Saves a cell at once: the screen shows it before the database answers, and shows the truth if it refuses.
   * `seen`: the cell as the teacher saw it when typing began (default: as the page holds it now).
   */
  write(address: CellAddress, value: CellValue, seen?: CellValue): void;
  undo(): void;
  redo(): void;
}

/** The calls that save a change, each saying what the cell held before, so that another's save since is a conflict. */
function callsFor(grid: JournalGrid, { address, before, after }: Change, why: string | undefined): QueuedCall[] {
  if (!isLessonAddress(address))
    return [
      queuedCall(contract.journal.setPeriodMark, {
        assignmentId: grid.assignment.id,
        studentId: address.studentId,
        ...(grid.scope === 'year'
          ? { kind: 'year' as const }
          : { kind: 'period' as const, periodId: address.periodId }),
        value: after as PeriodMarkValue | null,
        expected: before as PeriodMarkValue | null,
        reason: why,
      }),
    ];
  const was = before as LessonCell;
  const cell = { lessonId: address.lessonId, studentId: address.studentId, reason: why };
  return stepsBetween(was, after as LessonCell).map((step) =>
    step.call === 'clearMark'
      ? queuedCall(contract.journal.clearMark, { ...cell, expected: was.mark })
      : step.call === 'setAbsence'
        ? queuedCall(contract.journal.setAbsence, { ...cell, code: step.code, expected: was.absence })
        : queuedCall(contract.journal.setMark, { ...cell, ...step.mark, expected: was.mark }),
  );
}

/** «Иванов Иван, 12.11: 5» — the change as the teacher finds it in a refusal. */
function labelOf(grid: JournalGrid, { address, after }: Change): string {
  const student = grid.students.find((s) => s.id === address.studentId);
  const name = student?.fullName.split(' ').slice(0, 2).join(' ') ?? '';
  const lesson = isLessonAddress(address) ? grid.lessons.find((l) => l.id === address.lessonId) : null;
  const where = lesson ? dayMonth(lesson.date) : `${grid.period.name}, итоговая`;
  return `${grid.assignment.className}, ${grid.assignment.subjectName}: ${name}, ${where} — ${cellText(after) || 'пусто'}`;
}

/**
 * Every change of the grid goes through here: one at a time and in order (a cell typed twice quickly ends
 * with the second value), with the teacher's own undo and redo; in a closed period each carries the reason.
 */
export function useCellWriter(grid: JournalGrid, ensureReason: EnsureReason): CellWriter {
  const client = useQueryClient();
  // One key per page, kept across renders, so the callbacks below and the reset of the history stay put.
  const { scope } = grid;
  const assignmentId = grid.assignment.id;
  const periodId = grid.period.id;
  const key = useMemo(
    () => gridKey({ assignment: { id: assignmentId }, scope, period: { id: periodId } }),
    [assignmentId, scope, periodId],
  );
  const latest = useRef(grid);
  latest.current = grid;
  const undoStack = useRef<Change[]>([]);
  const redoStack = useRef<Change[]>([]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const resync = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Another journal or period: its own history.
  useEffect(() => {
    undoStack.current = [];
    redoStack.current = [];
  }, [key]);
  useEffect(() => () => void (resync.current && clearTimeout(resync.current)), []);

  // Kept in the outbox when the journal cannot be reached (api/outbox.ts), sent in order once it is back.
  const send = useMutation({
    mutationFn: ({ why, ...change }: Change & { why: string | undefined }) => {
      const g = latest.current;
      const item: OutboxItem = {
        id: newSaveId(),
        userId: client.getQueryData<SessionUser | null>(meKey)?.id ?? 0,
        place: cellPlace(g.assignment.id, change.address),
        label: labelOf(g, change),
        value: change.after,
        calls: callsFor(g, change, why),
      };
      return outbox.submit(item);
    },
  });

  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: key }), [client, key]);

  const apply = useCallback(
    async (change: Change, record: 'new' | 'undo' | 'redo') => {
      const why = await ensureReason();
      if (why === null) return;
      client.setQueryData<JournalGrid>(key, (g) => (g ? withCell(g, change.address, change.after) : g));
      // Each stack holds changes whose `before` is the value to go back to.
      if (record === 'new') redoStack.current = [];
      (record === 'undo' ? redoStack : undoStack).current.push(change);
      queue.current = queue.current.then(() =>
        send.mutateAsync({ ...change, why }).then(
          (outcome) => {
            if (outcome.queued) return; // the screen keeps what was typed; nothing to fetch meanwhile
            // Averages and suggestions come from the core: fetched again once the typing pauses.
            if (resync.current) clearTimeout(resync.current);
            resync.current = setTimeout(refresh, 700);
          },
          (error: unknown) => {
            // Someone else saved the cell meanwhile: their value comes back to the screen beside the choice.
            if (error instanceof AppError && isSaveConflict(error.details)) {
              const { address, after } = change;
              cellConflicts.add({
                place: cellPlace(assignmentId, address),
                address,
                mine: after,
                by: error.details.by,
              });
            }
            refresh(); // refused: show what the database really holds
          },
        ),
      );
      await queue.current;
    },
    [ensureReason, client, key, refresh, send],
  );

  const write = useCallback(
    (address: CellAddress, value: CellValue, seen?: CellValue) => {
      const before = seen === undefined ? readCell(latest.current, address) : seen;
      if (sameCell(before, value)) return;
      void apply({ address, before, after: value }, 'new');
    },
    [apply],
  );

  /** Undo and redo re-read the cell: what is undone is the teacher's change, not someone's later one. */
  const replay = useCallback(
    (from: typeof undoStack, mode: 'undo' | 'redo') => {
      const change = from.current.pop();
      if (!change) return;
      // From the cache, which the change before this one updated at once, not from the last render: a key
      // pressed again before the screen was drawn would otherwise undo from a value the cell no longer holds.
      const now = readCell(client.getQueryData<JournalGrid>(key) ?? latest.current, change.address);
      void apply({ address: change.address, before: now, after: change.before }, mode);
    },
    [apply, client, key],
  );

  return { write, undo: () => replay(undoStack, 'undo'), redo: () => replay(redoStack, 'redo') };
}
