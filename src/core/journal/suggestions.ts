import type { MarkSuggestion } from '../../shared/contract/journal';
import type { PeriodMarkValue } from '../../shared/contract/common';

export type Rounding = 'half_up' | 'threshold_0.6';

export interface SuggestionRules {
  useWeights: boolean;
  rounding: Rounding;
  /** Fewer current marks than this, with more than half the lessons missed, recommends «н/а». */
  minMarks: number;
}

export interface StudentPeriodFacts {
  studentId: number;
  /** Each numeric value of a cell with its work kind's weight: «5/4» gives two entries. */
  marks: { value: number; weight: number }[];
  lessonsHeld: number;
  lessonsMissed: number;
}

export function weightedAverage(marks: StudentPeriodFacts['marks'], useWeights: boolean): number | null {
  let sum = 0;
  let weights = 0;
  for (const m of marks) {
    const w = useWeights ? m.weight : 1;
    sum += m.value * w;
    weights += w;
  }
  return weights > 0 ? sum / weights : null;
}

/** «half_up»: 3.5 → 4; «threshold_0.6»: 3.5 → 3, 3.6 → 4 (some schools' rule). */
export function roundMark(average: number, rounding: Rounding): number {
  const threshold = rounding === 'half_up' ? 0.5 : 0.6;
  const whole = Math.floor(average);
  // A small epsilon keeps 3.6 (stored as 3.5999…) on the right side of the threshold.
  return Math.min(5, Math.max(1, average - whole + 1e-9 >= threshold ? whole + 1 : whole));
}

/** The suggested period mark for one student; the teacher decides, the journal only proposes. */
export function suggest(facts: StudentPeriodFacts, rules: SuggestionRules): MarkSuggestion {
  const average = weightedAverage(facts.marks, rules.useWeights);
  const markCount = facts.marks.length;
  const naRecommended =
    facts.lessonsHeld > 0 && facts.lessonsMissed * 2 > facts.lessonsHeld && markCount < rules.minMarks;
  let suggested: PeriodMarkValue | null = null;
  if (naRecommended) suggested = 'н/а';
  else if (average !== null) suggested = String(roundMark(average, rules.rounding)) as PeriodMarkValue;
  return {
    studentId: facts.studentId,
    average: average === null ? null : Math.round(average * 100) / 100,
    suggested,
    markCount,
    lessonsMissed: facts.lessonsMissed,
    lessonsHeld: facts.lessonsHeld,
    naRecommended,
  };
}
