// The journal's place in the address: `#/journal/8А/алгебра/q2?tab=lessons`, class · subject (and subgroup) ·
// period, then the tab, a lesson a link opened and another school year. Older links by id
// (`#/journal?assignment=3&period=2`) are still read.
import type { AssignmentSummary, Period } from '../../../shared/contract';
import { hashOf, slug } from '../shell/useHashRoute';

export const journalTabs = ['marks', 'lessons', 'finals'] as const;
export type JournalTab = (typeof journalTabs)[number];

const schemeLetter: Record<Period['scheme'], string> = { quarters: 'q', trimesters: 't', half_years: 'h' };

/** «2 четверть» → `q2`, «1 полугодие» → `h1`; the whole year → `year`. */
export const periodCode = (p: Period | 'year') => (p === 'year' ? 'year' : `${schemeLetter[p.scheme]}${p.number}`);

const subjectPart = (a: AssignmentSummary) => slug(`${a.subjectName} ${a.subgroupName ?? ''}`);

export interface JournalPlace {
  assignment: AssignmentSummary;
  period: Period | 'year' | undefined;
  tab: JournalTab;
  lessonId: number | null;
  /** Another year than the current one: its name as an address part («2025-2026»). */
  year: string | null;
}

export function journalHash(p: JournalPlace): string {
  const parts = [p.assignment.className, subjectPart(p.assignment)];
  if (p.period) parts.push(periodCode(p.period));
  return hashOf('journal', parts, {
    tab: p.tab === 'marks' ? null : p.tab,
    lesson: p.lessonId ? String(p.lessonId) : null,
    year: p.year,
  });
}

/** The journal the address names: by the old id parameter, else by class and subject. */
export function findAssignment(
  list: readonly AssignmentSummary[],
  parts: readonly string[],
  params: URLSearchParams,
): AssignmentSummary | undefined {
  const id = Number(params.get('assignment'));
  if (id) return list.find((a) => a.id === id);
  const [cls, subject] = parts;
  if (!cls || !subject) return undefined;
  return list.find((a) => slug(a.className) === slug(cls) && subjectPart(a) === slug(subject));
}

/** The period the address names (`q2`, `year`, or the old `period=<id>`); undefined when it names none. */
export function findPeriod(
  periods: readonly Period[],
  parts: readonly string[],
  params: URLSearchParams,
): Period | 'year' | undefined {
  const id = Number(params.get('period'));
  if (id) return periods.find((p) => p.id === id);
  const code = parts[2];
  if (code === 'year') return 'year';
  return periods.find((p) => periodCode(p) === code);
}

export const journalTab = (params: URLSearchParams): JournalTab => {
  const t = params.get('tab');
  return journalTabs.find((x) => x === t) ?? 'marks';
};

// The last journal a user had open on this computer: «Журнал» reopens it (after a login too).
const lastKey = (login: string) => `zhurnal.journal.last.${login}`;

export function rememberJournal(login: string, hash: string) {
  try {
    window.localStorage.setItem(lastKey(login), hash);
  } catch {
    // A browser that refuses storage only loses the convenience.
  }
}

export function lastJournal(login: string): string | null {
  try {
    return window.localStorage.getItem(lastKey(login));
  } catch {
    return null;
  }
}
