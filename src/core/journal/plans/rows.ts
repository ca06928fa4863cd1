import { AppError } from '../../../shared/errors';
import type { TableRow } from '../../imports/table';

export interface ImportedRow {
  line: number;
  section: string | null;
  title: string;
  hours: number | null;
  homework: string | null;
  error: string | null;
}

interface Columns {
  section: number | null;
  title: number;
  hours: number;
  homework: number | null;
}

const headerOf = {
  title: /тема|содержание|наименование/i,
  section: /раздел|модуль|глава|блок/i,
  hours: /час|кол-?во/i,
  homework: /домашн|^\s*д\s*\/\s*з\s*$|^\s*дз\s*$/i,
};

/** The header row: the first of the first ten rows naming a topic column and an hours column. */
function findHeader(rows: TableRow[]): { index: number; columns: Columns } {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const cells = rows[i]?.cells ?? [];
    const title = cells.findIndex((c) => headerOf.title.test(c) && !headerOf.hours.test(c));
    const hours = cells.findIndex((c, k) => k !== title && headerOf.hours.test(c));
    if (title < 0 || hours < 0) continue;
    const section = cells.findIndex((c, k) => k !== title && k !== hours && headerOf.section.test(c));
    const homework = cells.findIndex((c, k) => k !== title && k !== hours && headerOf.homework.test(c));
    return {
      index: i,
      columns: { title, hours, section: section < 0 ? null : section, homework: homework < 0 ? null : homework },
    };
  }
  throw new AppError(
    'validation',
    'Не найдена строка заголовков: в одной из первых строк нужны столбцы «Тема» и «Часы» (и, если есть, «Раздел» и «Домашнее задание»).',
  );
}

/** A row that opens a section: «Раздел 2. Дроби (24 ч)», with no hours of its own. */
const sectionHeading = /^(раздел|глава|модуль|блок)(?=[\s.:№]|$)|\(\s*\d+\s*ч/i;
const hoursFormat = /^(\d+)\s*(ч\.?|час\w*)?$/i;

function readHours(text: string): { hours: number | null; error: string | null } {
  if (text === '') return { hours: null, error: 'Не указано количество часов' };
  const m = hoursFormat.exec(text);
  if (!m) return { hours: null, error: `Часы — целое число, а в строке «${text}»` };
  const hours = Number(m[1]);
  if (hours < 1) return { hours, error: 'Часов не меньше 1' };
  if (hours > 200) return { hours, error: `Слишком много часов на одну тему: ${hours}` };
  return { hours, error: null };
}

/**
 * The plan's rows as the teacher will see them in the preview: each with its line in the file and, when it cannot
 * be taken, a Russian reason. Section headings set the section of the rows below them and are not rows themselves.
 */
export function planRowsOf(table: TableRow[]): ImportedRow[] {
  const { index, columns } = findHeader(table);
  const out: ImportedRow[] = [];
  let section: string | null = null;
  for (const row of table.slice(index + 1)) {
    const cell = (k: number | null) => (k === null ? '' : (row.cells[k] ?? '').trim());
    const title = cell(columns.title).replace(/\s+/g, ' ');
    const hoursText = cell(columns.hours);
    const homework = cell(columns.homework).replace(/\s+/g, ' ') || null;
    if (columns.section !== null && cell(columns.section)) section = cell(columns.section).replace(/\s+/g, ' ');
    if (title === '' && hoursText === '') continue;
    if (hoursText === '' && sectionHeading.test(title) && !(columns.section !== null && cell(columns.section))) {
      section = title.replace(/\s*\(\s*\d+\s*ч\.?\s*\)\s*$/i, '');
      continue;
    }
    const { hours, error } = readHours(hoursText);
    const problem =
      title === ''
        ? 'Тема не указана'
        : title.length > 500
          ? 'Тема длиннее 500 знаков'
          : (section?.length ?? 0) > 300
            ? 'Название раздела длиннее 300 знаков'
            : (homework?.length ?? 0) > 1000
              ? 'Домашнее задание длиннее 1000 знаков'
              : error;
    out.push({ line: row.line, section, title, hours, homework, error: problem });
  }
  return out;
}
