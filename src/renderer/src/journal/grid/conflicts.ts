import type { CellAddress, CellValue } from './cellState';

/** Where a cell is, as a string: the key of its conflict and of its save waiting in the outbox. */
export const cellPlace = (assignmentId: number, address: CellAddress): string =>
  'lessonId' in address
    ? `cell:${address.lessonId}:${address.studentId}`
    : `period:${assignmentId}:${address.periodId}:${address.studentId}`;

/** A cell someone else changed while this teacher typed: both values wait for the teacher's choice. */
export interface CellConflict {
  place: string;
  address: CellAddress;
  /** What this teacher typed. */
  mine: CellValue;
  /** Who saved the value the cell holds now. */
  by: string | null;
}

type Listener = () => void;

/** The conflicts not yet decided, by place: the grid shows each in its cell, with a choice. */
export function createConflicts() {
  let all: ReadonlyMap<string, CellConflict> = new Map();
  const listeners = new Set<Listener>();
  const set = (next: Map<string, CellConflict>) => {
    all = next;
    listeners.forEach((l) => l());
  };
  return {
    all: () => all,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    add: (c: CellConflict) => set(new Map(all).set(c.place, c)),
    dismiss(place: string) {
      const next = new Map(all);
      next.delete(place);
      set(next);
    },
  };
}

export const cellConflicts = createConflicts();

/** The cell a place names (the inverse of cellPlace), for a queued save refused after the page was left. */
export function addressOfPlace(place: string): CellAddress | null {
  const parts = place.split(':');
  const n = parts.slice(1).map(Number);
  if (parts[0] === 'cell' && n.length === 2) return { lessonId: n[0]!, studentId: n[1]! };
  if (parts[0] === 'period' && n.length === 3) return { periodId: n[1]!, studentId: n[2]! };
  return null;
}
