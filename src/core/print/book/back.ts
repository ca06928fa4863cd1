import { stayNote } from '../../../shared/stays';
import { drawTable } from '../table';
import { monthName, monthsBetween, ruDate } from '../../../shared/dates';
import { book, type BookPages } from './layout';
import { writeMatrix } from './matrix';

/** Сводная ведомость учёта успеваемости: each subject's period marks and the year's. */
export async function writeProgressSummary(pages: BookPages): Promise<void> {
  const { data } = pages;
  pages.section('Сводная ведомость учёта успеваемости');
  const keys = [...data.periods.map((p) => `p${p.id}`), 'year'];
  await writeMatrix(pages, {
    title: 'Сводная ведомость учёта успеваемости',
    subtitle: `${data.className} класс, ${data.yearName} учебный год`,
    groups: data.subjects.map((s) => ({ title: s.shortName, columns: [...data.periods.map((p) => p.short), 'год'] })),
    students: data.students.map((s) => ({ name: s.listName })),
    values: (r) => {
      const id = data.students[r]?.id ?? 0;
      return data.subjects.flatMap((s) => keys.map((k) => data.finalMarks.get(s.id)?.get(id)?.get(k) ?? ''));
    },
  });
}

/** Сводная ведомость учёта посещаемости: lessons missed per month, and of them for illness. */
export async function writeAttendanceSummary(pages: BookPages): Promise<void> {
  const { data } = pages;
  pages.section('Сводная ведомость учёта посещаемости');
  const ms = monthsBetween(data.yearStart, data.yearEnd);
  await writeMatrix(pages, {
    title: 'Сводная ведомость учёта посещаемости',
    subtitle: `${data.className} класс, ${data.yearName}: пропущено уроков (всего / из них по болезни)`,
    groups: [
      ...ms.map((m) => ({ title: monthName(m), columns: ['всего', 'бол.'] })),
      { title: 'за год', columns: ['всего', 'бол.'] },
    ],
    students: data.students.map((s) => ({ name: s.listName })),
    values: (r) => {
      const byMonth = data.absencesByMonth.get(data.students[r]?.id ?? 0);
      const cells = ms.map((m): [number, number] => byMonth?.get(m) ?? [0, 0]);
      const year = cells.reduce<[number, number]>(([t, i], [a, b]) => [t + a, i + b], [0, 0]);
      return [...cells, year].flatMap(([t, i]) => [t ? String(t) : '', i ? String(i) : '']);
    },
  });
}

async function tablePages(
  pages: BookPages,
  title: string,
  columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[],
  rows: string[][],
): Promise<void> {
  let from = 0;
  do {
    const c = pages.page();
    c.text(title, book.left, book.top + 14, { font: 'narrowBold', size: 13 });
    from = drawTable(
      c,
      { x: book.left, width: pages.bodyWidth, columns, fontSize: 9 },
      rows,
      from,
      book.top + 26,
      841.89 - book.bottom - 10,
    );
    await pages.done(c);
  } while (from < rows.length);
}

/** Общие сведения об обучающихся: printed only when the secretary asks (it is personal data). */
export async function writePersonalData(pages: BookPages): Promise<void> {
  const { data } = pages;
  pages.section('Общие сведения об обучающихся');
  const rows = data.students.map((s, i) => [
    String(i + 1),
    s.fullName,
    s.birthDate ? ruDate(s.birthDate) : '',
    s.gender === 'm' ? 'м' : s.gender === 'f' ? 'ж' : '',
    s.personalFileNo ?? '',
    stayNote(s.arrived, s.left, ruDate, data.orders.get(s.id)) ?? '',
  ]);
  await tablePages(
    pages,
    'Общие сведения об обучающихся',
    [
      { title: '№', width: 0.5, align: 'right' },
      { title: 'Фамилия, имя, отчество', width: 4 },
      { title: 'Дата рождения', width: 1.4, align: 'center' },
      { title: 'Пол', width: 0.6, align: 'center' },
      { title: '№ личного дела', width: 1.2, align: 'center' },
      { title: 'Движение', width: 2.4 },
    ],
    rows,
  );
  // From the pupil cards, on pages of their own so that each column has room.
  await tablePages(
    pages,
    'Сведения о родителях (законных представителях)',
    [
      { title: '№', width: 0.5, align: 'right' },
      { title: 'Фамилия, имя ученика', width: 2.6 },
      { title: 'Домашний адрес', width: 3 },
      { title: 'Родители (законные представители), телефоны', width: 4 },
    ],
    data.students.map((s, i) => [String(i + 1), s.listName, s.address ?? '', s.parents.join('\n')]),
  );
}

/**
 * Замечания по ведению журнала, grouped by subject in the book's order (remarks on the journal as a whole
 * first), the subject named once at the head of its group; then empty ruled rows for remarks written by hand.
 */
export async function writeRemarks(pages: BookPages): Promise<void> {
  const { data } = pages;
  pages.section('Замечания по ведению журнала');
  const order = new Map(data.journals.map((j, i) => [j.assignmentId, i]));
  const titleOf = new Map(
    data.journals.map((j) => [j.assignmentId, j.subgroupName ? `${j.subjectName} (${j.subgroupName})` : j.subjectName]),
  );
  const rank = (id: number | null) => (id === null ? -1 : (order.get(id) ?? data.journals.length));
  const sorted = [...data.remarks].sort(
    (a, b) => rank(a.assignmentId) - rank(b.assignmentId) || a.date.localeCompare(b.date),
  );
  const rows = sorted.map((r, i) => {
    const group = r.assignmentId === null ? 'Журнал в целом' : (titleOf.get(r.assignmentId) ?? 'Другой журнал');
    const first = i === 0 || sorted[i - 1]?.assignmentId !== r.assignmentId;
    return [first ? group : '', ruDate(r.date), r.text, r.author, r.response ?? ''];
  });
  const blank = Math.max(0, 30 - rows.length);
  await tablePages(
    pages,
    'Замечания по ведению журнала',
    [
      { title: 'Предмет', width: 1.6 },
      { title: 'Дата', width: 1, align: 'center' },
      { title: 'Замечание', width: 4 },
      { title: 'Кто проверял', width: 1.5 },
      { title: 'Отметка о выполнении', width: 2.5 },
    ],
    [...rows, ...Array.from({ length: blank }, () => ['', '', '', '', ''])],
  );
}

/** «В журнале пронумеровано, прошнуровано и скреплено печатью N листов»: N is the real count of sheets. */
export async function writeCertification(pages: BookPages): Promise<number> {
  const { data, options } = pages;
  const c = pages.page();
  const total = pages.writer.pageCount;
  const sheets = options.duplex ? Math.ceil(total / 2) : total;
  const w = pages.bodyWidth;
  c.text(`В журнале пронумеровано, прошнуровано и скреплено печатью ${sheets} ${sheetWord(sheets)}.`, book.left, 300, {
    size: 13,
    width: w,
    align: 'center',
  });
  c.text(options.duplex ? `(двусторонняя печать, страниц ${total})` : '(односторонняя печать)', book.left, 320, {
    size: 10,
    width: w,
    align: 'center',
  });
  c.text('Директор', book.left + 40, 400, { size: 12 });
  c.line(book.left + 160, 402, book.left + 300, 402);
  c.text('(подпись)', book.left + 160, 412, { size: 8, width: 140, align: 'center' });
  c.text(data.director, book.left + 320, 400, { size: 12 });
  c.text('М.П.', book.left + 40, 460, { font: 'narrowBold', size: 12 });
  c.text('«____» ______________ 20___ г.', book.left + 320, 460, { size: 12 });
  if (options.draftNote) {
    const h = c.paragraph(`ЧЕРНОВИК: ${options.draftNote}`, book.left, 540, w, {
      font: 'narrowBold',
      size: 12,
      align: 'center',
    });
    c.paragraph('Книга неполна: заверять её можно после исправлений в журнале.', book.left, 548 + h, w, {
      size: 10,
      align: 'center',
    });
  }
  await pages.done(c);
  return sheets;
}

/** «1 лист», «2 листа», «5 листов». */
export function sheetWord(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return 'лист';
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return 'листа';
  return 'листов';
}
