import type { BookJournal, BookLesson, BookPeriod } from './model';

/** One column of a left page: a lesson's date, or a period's (or the year's) marks right after its last date. */
export type Column = { kind: 'lesson'; lesson: BookLesson } | { kind: 'final'; key: string; label: string };

/** The journal's year as columns: lessons by date, each period's marks after its last lesson, the year's at the end. */
export function journalColumns(journal: BookJournal, allPeriods: BookPeriod[], hasYearMarks: boolean): Column[] {
  const columns: Column[] = [];
  let periods = allPeriods;
  let p = 0;
  const closePeriodsBefore = (date: string | null) => {
    while (p < periods.length && (date === null || (periods[p]?.endDate ?? '') < date)) {
      const period = periods[p] as BookPeriod;
      columns.push({ kind: 'final', key: `p${period.id}`, label: period.short });
      p++;
    }
  };
  for (const lesson of journal.lessons) {
    closePeriodsBefore(lesson.date);
    columns.push({ kind: 'lesson', lesson });
  }
  // Periods not begun yet (a book printed mid-year) get no column: the paper journal has no empty ones.
  const last = journal.lessons.at(-1)?.date ?? '';
  periods = periods.filter((period, i) => i < p || period.startDate <= last);
  closePeriodsBefore(null);
  if (hasYearMarks) columns.push({ kind: 'final', key: 'year', label: 'год' });
  return columns;
}

export interface SpreadLimits {
  /** Date columns on the left page. */
  columns: number;
  /** Height available for lesson rows on the right page, and the height one lesson's row needs there. */
  rightHeight: number;
  rowHeight(lesson: BookLesson): number;
}

/**
 * Cuts the columns into spreads: as many as the left page holds, and no more lessons than the right page can
 * list, so that the same dates are on both pages of every spread.
 */
export function splitSpreads(columns: Column[], limits: SpreadLimits): Column[][] {
  const spreads: Column[][] = [];
  let current: Column[] = [];
  let used = 0;
  for (const column of columns) {
    const h = column.kind === 'lesson' ? limits.rowHeight(column.lesson) : 0;
    if (current.length > 0 && (current.length >= limits.columns || used + h > limits.rightHeight)) {
      spreads.push(current);
      current = [];
      used = 0;
    }
    current.push(column);
    used += h;
  }
  if (current.length > 0 || spreads.length === 0) spreads.push(current);
  return spreads;
}
