import type { PdfWriter } from './document';
import { A4, type PageCanvas } from './page';
import { drawTable, margin, pageNumber } from './table';
import { sheetWord } from './book/back';

export interface ActEntry {
  className: string;
  classTeacher: string | null;
  /** Null when the book failed to print: the act lists it with the reason, so nothing is silently missing. */
  sheets: number | null;
  error: string | null;
  /** Printed, but the preflight found it incomplete: why. */
  draft?: string | null;
}

export interface ActData {
  schoolName: string;
  director: string;
  yearName: string;
  entries: ActEntry[];
}

/**
 * «Сдал: секретарь ________ / ____________ /»: each blank a ruled line with its caption centred under it, the
 * blanks of both lines one above the other.
 */
function signatureLines(c: PageCanvas, y: number, labels: string[]): void {
  const size = 11;
  const sign = margin + Math.max(...labels.map((l) => c.measure(l, size))) + 10;
  const name = sign + 110;
  labels.forEach((label, i) => {
    const base = y + i * 34;
    c.text(label, margin, base, { size });
    c.line(sign, base + 2, sign + 95, base + 2);
    c.text('/', sign + 100, base, { size });
    c.line(name, base + 2, name + 160, base + 2);
    c.text('/', name + 165, base, { size });
    c.text('(подпись)', sign, base + 11, { size: 7, width: 95, align: 'center' });
    c.text('(фамилия, инициалы)', name, base + 11, { size: 7, width: 160, align: 'center' });
  });
}

/** Акт приёма-передачи классных журналов в архив: every book with its sheet count, and the signatures. */
export async function writeAct(writer: PdfWriter, act: ActData): Promise<void> {
  const rows = act.entries.map((e, i) => [
    String(i + 1),
    `${e.className} класс`,
    e.classTeacher ?? '',
    e.sheets === null ? '—' : String(e.sheets),
    e.error ? `не напечатан: ${e.error}` : e.draft ? `ЧЕРНОВИК: ${e.draft}` : '',
  ]);
  const drafts = act.entries.filter((e) => e.sheets !== null && e.draft).length;
  const printed = act.entries.filter((e) => e.sheets !== null);
  const total = printed.reduce((s, e) => s + (e.sheets ?? 0), 0);
  const w = A4.width - 2 * margin;
  let from = 0;
  let y = 0;
  do {
    const c = writer.addPage('portrait');
    y = margin;
    if (from === 0) {
      c.paragraph(act.schoolName, margin, y, w, { size: 11, align: 'center' });
      c.text('УТВЕРЖДАЮ', margin + w - 170, y + 40, { font: 'narrowBold', size: 10 });
      c.text(`Директор ____________ ${act.director}`, margin + w - 170, y + 56, { size: 10 });
      c.text('«____» ______________ 20___ г.', margin + w - 170, y + 72, { size: 10 });
      c.text('АКТ', margin, y + 110, { font: 'serifBold', size: 16, width: w, align: 'center' });
      c.text(`приёма-передачи классных журналов за ${act.yearName} учебный год в архив`, margin, y + 128, {
        size: 11,
        width: w,
        align: 'center',
      });
      c.text('№ ______   от «____» ______________ 20___ г.', margin, y + 146, { size: 10, width: w, align: 'center' });
      y += 160;
      y += c.paragraph(
        'Настоящий акт составлен о том, что секретарь передаёт, а ответственный за архив принимает на хранение классные журналы, пронумерованные, прошнурованные и скреплённые печатью:',
        margin,
        y,
        w,
        { size: 10.5, leading: 14 },
      );
      y += 6;
    }
    from = drawTable(
      c,
      {
        x: margin,
        width: w,
        columns: [
          { title: '№', width: 0.5, align: 'right' },
          { title: 'Класс', width: 1.2 },
          { title: 'Классный руководитель', width: 3.5 },
          { title: 'Листов', width: 0.9, align: 'center' },
          { title: 'Примечание', width: 3 },
        ],
        fontSize: 10,
      },
      rows,
      from,
      y,
      A4.height - margin - 150,
    );
    pageNumber(c, writer.pageCount);
    if (from >= rows.length) {
      const bottom = A4.height - margin - 140;
      c.text(`Всего передано журналов: ${printed.length}, ${total} ${sheetWord(total)}.`, margin, bottom + 10, {
        font: 'narrowBold',
        size: 11,
      });
      const notes = [
        printed.length < act.entries.length
          ? `Не напечатано журналов: ${act.entries.length - printed.length} (см. примечания).`
          : null,
        drafts ? `Из них черновики, неполные по проверке перед печатью: ${drafts} (см. примечания).` : null,
      ].filter((n): n is string => n !== null);
      notes.forEach((n, i) => c.text(n, margin, bottom + 26 + i * 13, { size: 10.5 }));
      signatureLines(c, bottom + 60, ['Сдал: секретарь', 'Принял: ответственный за архив']);
      c.text('М.П.', margin, bottom + 128, { font: 'narrowBold', size: 11 });
    }
    await writer.finish(c);
  } while (from < rows.length);
}
