import { withComma } from '../../../../shared/numbers';

/** The mark values that count in an average; «н/а» does not. */
const numeric: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

export interface MarkForAverage {
  value1: string;
  value2: string | null;
  workKindId: number;
}

/**
 * Средневзвешенный балл: Σ(value·weight) / Σweight over the numeric marks; both marks of a two-mark cell
 * («5/4») count, each with the cell's work kind weight. Null when there is nothing to average.
 */
export function weightedAverage(
  marks: readonly MarkForAverage[],
  weightOf: (workKindId: number) => number,
): number | null {
  let sum = 0;
  let weights = 0;
  for (const mark of marks) {
    const weight = weightOf(mark.workKindId);
    for (const value of [mark.value1, mark.value2]) {
      const n = value === null ? undefined : numeric[value];
      if (n === undefined) continue;
      sum += n * weight;
      weights += weight;
    }
  }
  return weights > 0 ? sum / weights : null;
}

/** «4,33» — two decimals with the Russian comma; empty when there is no average. */
export function formatAverage(average: number | null): string {
  if (average === null) return '';
  // Half up on the decimal value: 4.005 is stored as 4.00499…, and a teacher expects 4,01.
  const rounded = Math.round(average * 100 + 1e-9) / 100;
  return withComma(rounded, 2);
}
