// The cells of a class list as schools type them, read into what the database stores, or a Russian reason why not.
import { isoOf } from '../../shared/dates';

/** A name compared the way a person reads it: case, «ё» and extra spaces do not make two people. */
export function nameKey(...parts: (string | null | undefined)[]): string {
  return parts.map((p) => (p ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()).join('|');
}

/** A person's name part: trimmed, inner spaces collapsed. */
export function cleanName(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `ДД.ММ.ГГГГ` (also with `/` or `-`), or `ГГГГ-ММ-ДД` as an XLSX date cell arrives: the ISO date or null. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

export type GenderParse = { ok: true; value: 'm' | 'f' | null } | { ok: false };

export function parseGender(text: string): GenderParse {
  const s = text.trim().toLowerCase().replace(/\.$/, '');
  if (s === '') return { ok: true, value: null };
  if (['м', 'муж', 'мужской', 'm', 'male'].includes(s)) return { ok: true, value: 'm' };
  if (['ж', 'жен', 'женский', 'f', 'female'].includes(s)) return { ok: true, value: 'f' };
  return { ok: false };
}

// Latin look-alikes typed on the wrong layout: «5A» with a Latin A is still 5А.
const latinToCyrillic: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

/** «5А», «5 а», «5-А», «5 "А"», «5«А»» → grade 5, letter «А»; null when it is not a class name. */
export function parseClassName(text: string): { grade: number; letter: string } | null {
  const m = /^(\d{1,2})\s*[-–]?\s*["«„']?\s*([A-Za-zА-Яа-яЁё])\s*["»“']?\s*(?:класс|кл\.?)?$/i.exec(text.trim());
  if (!m) return null;
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return null;
  const raw = (m[2] ?? '').toUpperCase();
  return { grade, letter: latinToCyrillic[raw] ?? raw.replace('Ё', 'Е') };
}

const translit: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Latin letters for a Russian name (the passport's transliteration), for a login typed on any layout. */
export function transliterate(s: string): string {
  return [...s.toLowerCase()].map((ch) => translit[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')).join('');
}

/** «Иванова Мария Петровна» → «ivanova.mp»: what a teacher's login is when the file gives none. */
export function loginFor(lastName: string, firstName: string, middleName: string | null): string {
  const initials = [firstName, middleName ?? ''].map((p) => transliterate(p.slice(0, 1))).join('');
  const base = transliterate(lastName).slice(0, 24) || 'teacher';
  const login = initials ? `${base}.${initials}` : base;
  return login.length >= 3 ? login : `${login}.teacher`;
}
