import { describeError, type ShownError } from '../api/errors';

export interface ReportedError extends ShownError {
  id: number;
}

export interface ErrorStore {
  report(error: unknown): void;
  dismiss(id: number): void;
  /** A locked or ended session: messages about the journal go with it. */
  clear(): void;
  subscribe(listener: () => void): () => void;
  snapshot(): readonly ReportedError[];
}

const shownAtOnce = 4;

/** The errors of actions (saving, logging out…) shown in a corner until dismissed; queries show theirs in place. */
export function createErrorStore(): ErrorStore {
  let items: readonly ReportedError[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    report(error) {
      const shown = describeError(error);
      // The same failure repeated (a double click) is shown once.
      if (items.some((i) => i.title === shown.title && i.message === shown.message)) return;
      items = [...items, { ...shown, id: nextId++ }].slice(-shownAtOnce);
      emit();
    },
    clear() {
      if (items.length === 0) return;
      items = [];
      emit();
    },
    dismiss(id) {
      items = items.filter((i) => i.id !== id);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => items,
  };
}
