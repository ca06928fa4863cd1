import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type JournalGrid, type PeriodMarkValue } from '../../../../shared/contract';
import { invoke } from '../../api/invoke';
import { gridKey } from '../../api/queries';
import type { EnsureReason } from '../useCorrectionReason';
import {
  isLessonAddress,
  readCell,
  sameCell,
  stepsBetween,
  withCell,
  type CellAddress,
  type CellValue,
  type LessonCell,
} from './cellState';

interface Change {
  address: CellAddress;
  before: CellValue;
  after: CellValue;
}

export interface CellWriter {
  /** Saves a cell at once: the screen shows it before the database answers, and shows the truth if it refuses. */
  write(address: CellAddress, value: CellValue): void;
  undo(): void;
  redo(): void;
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

  const send = useMutation({
    mutationFn: async ({ address, before, after, why }: Change & { why: string | undefined }) => {
      if (!isLessonAddress(address)) {
        await invoke(contract.journal.setPeriodMark, {
          assignmentId: grid.assignment.id,
          studentId: address.studentId,
          ...(grid.scope === 'year'
            ? { kind: 'year' as const }
            : { kind: 'period' as const, periodId: address.periodId }),
          value: after as PeriodMarkValue | null,
          reason: why,
        });
        return;
      }
      const cell = { lessonId: address.lessonId, studentId: address.studentId, reason: why };
      for (const step of stepsBetween(before as LessonCell, after as LessonCell)) {
        if (step.call === 'clearMark') await invoke(contract.journal.clearMark, cell);
        else if (step.call === 'setAbsence') await invoke(contract.journal.setAbsence, { ...cell, code: step.code });
        else await invoke(contract.journal.setMark, { ...cell, ...step.mark });
      }
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
          () => {
            // Averages and suggestions come from the core: fetched again once the typing pauses.
            if (resync.current) clearTimeout(resync.current);
            resync.current = setTimeout(refresh, 700);
          },
          () => refresh(), // refused: show what the database really holds
        ),
      );
      await queue.current;
    },
    [ensureReason, client, key, refresh, send],
  );

  const write = useCallback(
    (address: CellAddress, value: CellValue) => {
      const before = readCell(latest.current, address);
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
      const now = readCell(latest.current, change.address);
      void apply({ address: change.address, before: now, after: change.before }, mode);
    },
    [apply],
  );

  return { write, undo: () => replay(undoStack, 'undo'), redo: () => replay(redoStack, 'redo') };
}
