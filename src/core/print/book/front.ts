import type { PageCanvas } from '../page';
import { book, type BookPages } from './layout';

/** Title page: school, class, year, class teacher, as on the cover of the paper journal. */
export async function writeTitle(pages: BookPages): Promise<void> {
  const { data } = pages;
  const c = pages.page();
  const w = pages.bodyWidth;
  c.paragraph(data.schoolName, book.left, 90, w, { size: 13, align: 'center', leading: 17 });
  c.text('КЛАССНЫЙ ЖУРНАЛ', book.left, 300, { font: 'serifBold', size: 30, width: w, align: 'center' });
  c.text(`${data.grade} «${data.className.slice(String(data.grade).length)}» класса`, book.left, 350, {
    font: 'serifBold',
    size: 20,
    width: w,
    align: 'center',
  });
  c.text(`${data.yearName} учебный год`, book.left, 385, { size: 15, width: w, align: 'center' });
  c.text('Классный руководитель', book.left, 600, { size: 11, width: w, align: 'center' });
  c.text(data.classTeacher ?? '—', book.left, 620, { font: 'narrowBold', size: 13, width: w, align: 'center' });
  await pages.done(c);
}

const contentsRows = 32;

/** Reserves the contents pages now; they are drawn at the end, when every section's first page is known. */
export function reserveContents(pages: BookPages): PageCanvas[] {
  const entries = pages.data.journals.length + 5;
  return Array.from({ length: Math.ceil(entries / contentsRows) }, () => pages.page());
}

export async function writeContents(pages: BookPages, reserved: PageCanvas[]): Promise<void> {
  const x0 = book.left;
  const w = pages.bodyWidth;
  const cols = [x0, x0 + 24, x0 + 250, x0 + w - 50, x0 + w];
  for (const [index, c] of reserved.entries()) {
    c.text('СОДЕРЖАНИЕ', x0, book.top + 40, { font: 'serifBold', size: 16, width: w, align: 'center' });
    let y = book.top + 70;
    const head = ['№', 'Предмет', 'Учитель, подгруппа', 'Стр.'];
    head.forEach((h, i) =>
      c.text(h, cols[i] as number, y + 13, {
        font: 'narrowBold',
        size: 10,
        width: (cols[i + 1] as number) - (cols[i] as number),
        align: 'center',
      }),
    );
    const top = y;
    y += 20;
    c.line(x0, y, x0 + w, y, true);
    const slice = pages.sections.slice(index * contentsRows, (index + 1) * contentsRows);
    slice.forEach((s, i) => {
      const cells = [String(index * contentsRows + i + 1), s.title, s.detail, String(s.page)];
      cells.forEach((t, k) =>
        c.text(t, (cols[k] as number) + 3, y + 13, {
          size: 10,
          width: (cols[k + 1] as number) - (cols[k] as number) - 6,
          align: k === 1 || k === 2 ? 'left' : 'center',
        }),
      );
      y += 19;
      c.line(x0, y, x0 + w, y);
    });
    for (const x of cols.slice(1, -1)) c.line(x, top, x, y);
    c.rect(x0, top, w, y - top, true);
    await pages.done(c);
  }
}
