// Class lists and teachers' lists as schools export them: real XLSX books written by exceljs, CSV in UTF-8 or in
// Windows-1251 bytes (as Russian Excel saves «CSV (разделители — точки с запятой)»).
import ExcelJS from 'exceljs';

/** Windows-1251 bytes of a text: ASCII as is, А…я at 0xC0…0xFF, Ё ё № « » at their places. Anything else refuses. */
export function cp1251(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  [...text].forEach((ch, i) => {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (ch === 'Ё') out[i] = 0xa8;
    else if (ch === 'ё') out[i] = 0xb8;
    else if (ch === '№') out[i] = 0xb9;
    else if (ch === '«') out[i] = 0xab;
    else if (ch === '»') out[i] = 0xbb;
    else throw new Error(`no cp1251 byte for «${ch}»`);
  });
  return out;
}

export function csv(rows: (string | number)[][], separator = ';'): string {
  const quote = (v: string | number) => (/[;,"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `${rows.map((r) => r.map(quote).join(separator)).join('\r\n')}\r\n`;
}

/** A real .xlsx; a `Date` becomes a date cell, as when the secretary typed the birth dates into Excel. */
export async function xlsx(rows: (string | number | Date | null)[][], sheetName = 'Список'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(4).numFmt = 'dd.mm.yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

const lastNames = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
];
const firstNames = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Сергей',
  'Андрей',
  'Алексей',
  'Артём',
  'Илья',
  'Кирилл',
  'Михаил',
];
const middleNames = ['Александрович', 'Дмитриевич', 'Сергеевич', 'Андреевич', 'Игоревич', 'Олегович'];

/** `n` distinct students spread over the classes, as rows under the usual header. */
export function studentRows(n: number, classes: string[]): string[][] {
  const rows = [['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс', 'Пол']];
  for (let i = 0; i < n; i++) {
    const cls = classes[i % classes.length] ?? '5А';
    const grade = parseInt(cls, 10);
    const birthYear = 2025 - 7 - grade;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    rows.push([
      `${lastNames[i % lastNames.length]}${i >= lastNames.length ? `-${Math.floor(i / lastNames.length)}` : ''}`,
      firstNames[i % firstNames.length] ?? 'Иван',
      middleNames[i % middleNames.length] ?? '',
      `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${birthYear}`,
      cls,
      'м',
    ]);
  }
  return rows;
}
