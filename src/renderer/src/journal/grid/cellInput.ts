import { notCurrentMark, type AbsenceCode, type MarkValue, type PeriodMarkValue } from '../../../../shared/contract';

export type CellEntry =
  | { kind: 'mark'; value1: MarkValue; value2: MarkValue | null }
  | { kind: 'absence'; code: AbsenceCode }
  | { kind: 'clear' };

export type Parsed<T> = { ok: true; entry: T } | { ok: false; message: string };

// A teacher who forgot to switch the keyboard to Russian types «y» for «н», «,» for «б», «e» for «у»,
// «jg» for «оп»: the keys are where the Russian letters are, so the journal reads them as meant.
// The Latin letters that look like the Russian ones (n, b, u, o, p) are read as those: «op» is «оп».
const latinToRussian: Record<string, string> = {
  y: 'н',
  ',': 'б',
  e: 'у',
  j: 'о',
  g: 'п',
  f: 'а',
  '.': '/',
  '?': ',',
  n: 'н',
  b: 'б',
  u: 'у',
  o: 'о',
  p: 'п',
};

export function normalizeTyped(text: string): string {
  return [...text.trim().toLowerCase()]
    .map((ch) => latinToRussian[ch] ?? ch)
    .join('')
    .replace(/\s+/g, '')
    .replace(/[\\|.,]/g, '/');
}

const marks = new Set<string>(['1', '2', '3', '4', '5']);
const absences = new Set<string>(['н', 'б', 'у', 'оп']);

/** What a teacher typed into a lesson's cell: «5», «5/4», «н», «б», «у», «оп»; empty clears the cell. */
export function parseCellInput(text: string): Parsed<CellEntry> {
  const t = normalizeTyped(text);
  if (t === '') return { ok: true, entry: { kind: 'clear' } };
  if (absences.has(t)) return { ok: true, entry: { kind: 'absence', code: t as AbsenceCode } };
  if (t === 'н/а') return { ok: false, message: notCurrentMark };
  if (marks.has(t)) return { ok: true, entry: { kind: 'mark', value1: t as MarkValue, value2: null } };
  const pair = /^([1-5])\/([1-5])$/.exec(t);
  if (pair) return { ok: true, entry: { kind: 'mark', value1: pair[1] as MarkValue, value2: pair[2] as MarkValue } };
  return {
    ok: false,
    message: `«${text.trim()}» — не отметка. Введите 1–5, две отметки через «/» (5/4) или пропуск: н, б, у, оп`,
  };
}

const periodValues = new Set<string>(['1', '2', '3', '4', '5', 'н/а', 'зач', 'незач', 'осв']);

/** What a teacher typed into the period mark column: a mark, «н/а», «зач», «незач», «осв»; empty clears it. */
export function parsePeriodInput(text: string): Parsed<PeriodMarkValue | null> {
  const t = normalizeTyped(text);
  if (t === '') return { ok: true, entry: null };
  if (periodValues.has(t)) return { ok: true, entry: t as PeriodMarkValue };
  return { ok: false, message: `«${text.trim()}» — не итоговая отметка. Введите 1–5, «н/а», «зач», «незач» или «осв»` };
}
