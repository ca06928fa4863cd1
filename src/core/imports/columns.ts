import { AppError } from '../../shared/errors';
import { importFields, type ImportKind, type ImportMapping } from '../../shared/contract/imports';
import { cleanName } from './values';

/** Russian headers as schools and other journal systems write them; the first field that matches takes the column. */
const headerPatterns: Record<string, RegExp> = {
  fullName:
    /^(фио|ф и о)( |$)|^(фамилия имя отчество|фамилия имя|учащийся|обучающийся|ученик|сотрудник|учитель|педагог)$/,
  lastName: /^фамилия/,
  firstName: /^имя/,
  middleName: /^отчество/,
  birthDate: /дата рождения|^д р$|^др$|родил/,
  className: /^(класс|кл)$|^класс\s|^класс$/,
  gender: /^пол$/,
  personalFileNo: /личн\S* дел|^№ дела|^номер дела/,
  login: /логин|login|учетн/,
  subjects: /^предмет|дисциплин|преподава/,
};

/** A header with case, «ё», punctuation and extra spaces taken out, so «Дата рождения:» matches «дата рождения». */
function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim();
}

/** Which column of the header row holds each field, as far as the headers tell. */
export function guessMapping(kind: ImportKind, header: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const f of importFields[kind]) mapping[f.key] = null;
  header.forEach((raw, index) => {
    const h = normalizeHeader(raw);
    if (!h) return;
    const field = importFields[kind].find((f) => mapping[f.key] === null && headerPatterns[f.key]?.test(h));
    if (field) mapping[field.key] = index;
  });
  return mapping;
}

/** The mapping as the import reads rows with it: every required field has a column, no column twice. */
export function checkMapping(
  kind: ImportKind,
  mapping: ImportMapping,
  width: number,
  optional: readonly string[] = [],
): void {
  const col = (key: string) => mapping[key] ?? null;
  for (const [key, index] of Object.entries(mapping)) {
    if (index !== null && index >= width)
      throw new AppError(
        'validation',
        `В файле нет столбца № ${index + 1}, указанного для поля «${labelOf(kind, key)}»`,
      );
  }
  const taken = new Map<number, string>();
  for (const [key, index] of Object.entries(mapping)) {
    if (index === null) continue;
    const other = taken.get(index);
    if (other)
      throw new AppError(
        'validation',
        `Столбец № ${index + 1} указан и для «${labelOf(kind, other)}», и для «${labelOf(kind, key)}»`,
      );
    taken.set(index, key);
  }
  const byFullName = col('fullName') !== null;
  const missing = importFields[kind].filter(
    (f) =>
      f.required &&
      col(f.key) === null &&
      !optional.includes(f.key) &&
      !(byFullName && (f.key === 'lastName' || f.key === 'firstName')),
  );
  if (missing.length > 0) {
    const names = missing.map((f) => `«${f.label}»`).join(', ');
    throw new AppError(
      'validation',
      `В файле не найден столбец ${names}: укажите, в каком столбце ${missing.length > 1 ? 'они' : 'он'}`,
      {
        missing: missing.map((f) => f.key),
      },
    );
  }
}

export function labelOf(kind: ImportKind, key: string): string {
  return importFields[kind].find((f) => f.key === key)?.label ?? key;
}

/** A row's cell for a field: '' when the field has no column or the row is shorter. */
export function cellOf(cells: readonly string[], mapping: ImportMapping, key: string): string {
  const i = mapping[key];
  return i === null || i === undefined ? '' : (cells[i] ?? '').trim();
}

/** «Иванова Мария Петровна» → the three parts; two words are a surname and a name. */
export function splitFullName(s: string): { lastName: string; firstName: string; middleName: string } {
  const [lastName = '', firstName = '', ...rest] = s.replace(/\s+/g, ' ').trim().split(' ');
  return { lastName, firstName, middleName: rest.join(' ') };
}

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** «не заполнена фамилия», «не заполнено имя»: the row's errors, lower case as rows join them. */
  errors: string[];
}

/**
 * A student's or a teacher's name from a row: the three columns, or «ФИО одной строкой» when the file has that
 * column and the surname cell is empty (a list that mixes both keeps each row's own way).
 */
export function readPersonName(cells: readonly string[], mapping: ImportMapping): PersonName {
  const cell = (key: string) => cellOf(cells, mapping, key);
  const parts =
    mapping.fullName != null && !cell('lastName')
      ? splitFullName(cell('fullName'))
      : { lastName: cell('lastName'), firstName: cell('firstName'), middleName: cell('middleName') };
  const lastName = cleanName(parts.lastName);
  const firstName = cleanName(parts.firstName);
  const errors: string[] = [];
  if (!lastName) errors.push('не заполнена фамилия');
  if (!firstName) errors.push('не заполнено имя');
  return { lastName, firstName, middleName: cleanName(parts.middleName) || null, errors };
}
