// The forecast of one student's period mark in one subject from the marks so far: the journal's own suggestion
// (weighted average, the school's rounding, the «н/а» rule) plus the trend, and the reasons a person can check.
import { withComma } from '../../shared/numbers';
import { suggest, type SuggestionRules } from '../journal/suggestions';

export interface DatedMark {
  date: string;
  value: number;
  weight: number;
}

export interface ForecastFacts {
  marks: DatedMark[];
  lessonsHeld: number;
  lessonsMissed: number;
  /** «зач» / «осв» in this subject (a PE exemption, an ungraded course): no marks is no risk. */
  exempt?: boolean;
  /** Share of the period's lessons already behind (0…1): no mark at all is a risk only past the middle. */
  elapsed?: number;
  /** The student's lessons of every subject so far in the period, and how many of them they missed. */
  attendance?: { lessons: number; missed: number };
}

export interface Forecast {
  average: number | null;
  trend: number | null;
  expected: string | null;
  risk: '2' | 'н/а' | null;
  reasons: string[];
}

const mean = (list: readonly DatedMark[]) => {
  let s = 0;
  let w = 0;
  for (const m of list) {
    s += m.value * m.weight;
    w += m.weight;
  }
  return w > 0 ? s / w : 0;
};
const share = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;

/** Later half's weighted average minus the earlier half's; null with fewer than four marks (too noisy). */
export function trendOf(marks: readonly DatedMark[]): number | null {
  if (marks.length < 4) return null;
  const sorted = [...marks].sort((a, b) => a.date.localeCompare(b.date));
  const half = Math.floor(sorted.length / 2);
  return Math.round((mean(sorted.slice(half)) - mean(sorted.slice(0, half))) * 100) / 100;
}

/**
 * At risk of «2»: the expected mark is «2» or below, or the average is under 3 and falling. At risk of «н/а»:
 * docs/DOMAIN.md's rule 8 as the journal applies it — more than half of this subject's lessons missed (of those the
 * student was due at; a late arrival is not a miss) with fewer marks than the school's minimum — or no mark at
 * all past the period's middle. The reasons give the subject's missed share and, for context, the share of
 * all the student's lessons missed in the period (a long illness shows in every subject).
 */
export function forecastOne(facts: ForecastFacts, rules: SuggestionRules): Forecast {
  const s = suggest(
    { studentId: 0, marks: facts.marks, lessonsHeld: facts.lessonsHeld, lessonsMissed: facts.lessonsMissed },
    rules,
  );
  const trend = trendOf(facts.marks);
  const expected = s.suggested;
  const reasons: string[] = [];
  let risk: Forecast['risk'] = null;
  if (facts.exempt) risk = null;
  else if (s.naRecommended || (facts.marks.length === 0 && facts.lessonsHeld >= 3 && (facts.elapsed ?? 1) >= 0.5))
    risk = 'н/а';
  else if (s.average !== null && (s.average < 2.5 || (s.average < 3 && trend !== null && trend < 0))) risk = '2';
  if (risk) {
    if (s.average !== null) reasons.push(`средний балл ${withComma(s.average, 2)}`);
    if (trend !== null && trend < 0) reasons.push(`отметки снижаются (${withComma(trend, 2)})`);
    if (facts.marks.length < rules.minMarks)
      reasons.push(`отметок ${facts.marks.length} при минимуме ${rules.minMarks}`);
    if (facts.lessonsMissed > 0 && facts.lessonsHeld > 0) {
      const most = facts.lessonsMissed * 2 > facts.lessonsHeld ? ' — больше половины' : '';
      reasons.push(
        `пропущено ${facts.lessonsMissed} из ${facts.lessonsHeld} уроков предмета (${share(facts.lessonsMissed, facts.lessonsHeld)})${most}`,
      );
    }
    const all = facts.attendance;
    if (all && all.missed > 0 && all.lessons > 0)
      reasons.push(
        `по всем предметам пропущено ${all.missed} из ${all.lessons} уроков (${share(all.missed, all.lessons)})`,
      );
  }
  return { average: s.average, trend, expected, risk, reasons };
}
