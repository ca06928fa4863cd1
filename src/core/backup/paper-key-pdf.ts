import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { fontFiles } from '../print/fonts';
import { A4, mm } from '../print/page';
import { paperKeyGroups, type SchoolKey } from './school-key';

export interface PaperKeyPage {
  key: SchoolKey;
  schoolName: string | null;
  /** Local time the key was made, as the school sees it. */
  createdAt: string;
  fontsDir: string;
  /** Fixed creation date for reproducible files (tests). */
  date?: Date;
}

const steps = [
  'Храните этот лист в сейфе директора, отдельно от компьютера и от носителей с копиями. Кто знает этот ключ, может прочитать любую резервную копию журнала.',
  'Программа ключ не хранит: без этого листа (или файла ключа) зашифрованные копии не восстановить никому, даже разработчикам.',
  'Восстановление: экран «Резервные копии», кнопка «Восстановить»; введите ключ. Пробелы и дефисы между группами можно не вводить; буквы — любые, заглавные или строчные. QR-код содержит тот же ключ.',
  'Без программы: запишите ключ одной строкой в файл key.txt и выполните  age -d -i key.txt -o zhurnal.db КОПИЯ.db.age  (программа age — https://age-encryption.org).',
  'Лист потерян или ключ мог увидеть посторонний: создайте новый ключ на том же экране. Новые копии будут открываться новым ключом, прежние — только этим листом.',
];

/**
 * The paper key: one A4 page for the director's safe with the school's backup identity in large groups of a
 * monospaced face (read aloud and typed back group by group), a QR code of the same text, and what to do with
 * it, in Russian. Drawn with pdf-lib's own calls: one page, where speed does not matter.
 */
export async function paperKeyPdf(page: PaperKeyPage): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle('Ключ резервных копий журнала');
  doc.setProducer('Журнал');
  doc.setCreationDate(page.date ?? new Date());
  const embed = (file: string) => doc.embedFont(fs.readFileSync(path.join(page.fontsDir, file)), { subset: false });
  const serif = await embed(fontFiles.serifBold);
  const sans = await embed(fontFiles.narrow);
  const mono = await doc.embedFont(StandardFonts.CourierBold);
  const p = doc.addPage([A4.width, A4.height]);
  const left = mm(20);
  const width = A4.width - 2 * left;
  let y = A4.height - mm(22);
  const text = (s: string, font: PDFFont, size: number, x = left) => p.drawText(s, { x, y, size, font });

  text('Ключ резервных копий журнала', serif, 20);
  y -= 22;
  text([page.schoolName, `создан ${page.createdAt}`].filter(Boolean).join(' · '), sans, 12);
  y -= mm(14);

  text('AGE-SECRET-KEY-1', mono, 16);
  y -= 30;
  const groups = paperKeyGroups(page.key.identity);
  for (let i = 0; i < groups.length; i += 4) {
    text(groups.slice(i, i + 4).join(' '), mono, 26);
    y -= 36;
  }
  const qrTop = y + 10;
  const qrSize = drawQr(p, page.key.identity, left + width - mm(55), qrTop, mm(55));
  y -= 4;
  text('Открытый ключ (его хранит программа, он не секретный):', sans, 10);
  y -= 13;
  text(page.key.recipient, mono, 8.5);
  y = Math.min(y, qrTop - qrSize) - mm(12);

  for (const [i, step] of steps.entries()) {
    const lines = wrap(`${i + 1}. ${step}`, sans, 12, width);
    for (const line of lines) {
      text(line, sans, 12);
      y -= 16;
    }
    y -= 6;
  }
  y -= mm(8);
  text('Подпись директора ____________________      Дата ______________', sans, 12);
  return doc.save();
}

/** The QR code of `value` as black squares, its top-right corner at (x + size, top); returns the size drawn. */
function drawQr(p: PDFPage, value: string, x: number, top: number, size: number): number {
  const qr = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  // Four modules of quiet zone on each side, as scanners expect.
  const cell = size / (count + 8);
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < count; c++) {
      if (!qr.modules.get(r, c)) continue;
      p.drawRectangle({
        x: x + (c + 4) * cell,
        y: top - (r + 5) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
  return size;
}

function wrap(s: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
