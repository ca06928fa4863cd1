import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontsDirFor, PdfWriter, writeTable } from '../../src/core/print';
import { migrationsFolder, tempDir } from '../helpers/temp';
import { pdfFonts, pdfPageCount, pdfPages } from '../helpers/pdf';

const dir = tempDir('zhurnal-print-');
const fontsDir = fontsDirFor(migrationsFolder);

describe('print engine', () => {
  it('writes a table over several pages with its header repeated, Cyrillic text readable back', async () => {
    const pdf = await PdfWriter.create({ fontsDir, title: 'Проверка' });
    const rows = Array.from({ length: 120 }, (_, i) => [
      String(i + 1),
      `Щукина Юлия Эдуардовна ${i + 1}`,
      i % 2 ? 'б' : 'н',
    ]);
    rows[5] = ['6', 'Очень длинная фамилия, которая не помещается в одну строку колонки и потому переносится', 'н'];
    const pages = await writeTable(pdf, {
      title: 'Посещаемость 5А',
      columns: [
        { title: '№', width: 1, align: 'right' },
        { title: 'Фамилия, имя', width: 4 },
        { title: 'Пропуск', width: 1, align: 'center' },
      ],
      rows,
    });
    const file = path.join(dir, 'table.pdf');
    fs.writeFileSync(file, await pdf.save());

    expect(pages).toBeGreaterThan(2);
    expect(pdfPageCount(file)).toBe(pages);
    const text = pdfPages(file);
    expect(text).toHaveLength(pages);
    for (const page of text) expect(page).toContain('Фамилия, имя');
    const all = text.join('\n');
    for (let i = 1; i <= 120; i++) if (i !== 6) expect(all).toContain(`Щукина Юлия Эдуардовна ${i}`);
    expect(all).toMatch(/переносится/);
    expect(text[1]).toMatch(/—\s*2\s*—/);
    // Embedded whole (not subset): a subset of PT fonts made by fontkit 1.1.1 draws wrong glyphs.
    expect(pdfFonts(file)).toMatch(/PTSans-Narrow\S*\s+CID TrueType\s+Identity-H\s+yes\s+no\s+yes/);
  });

  it('refuses to draw on a page twice written', async () => {
    const pdf = await PdfWriter.create({ fontsDir, title: 'x' });
    const page = pdf.addPage();
    page.text('Ёжик', 10, 10);
    await pdf.finish(page);
    await expect(pdf.finish(page)).rejects.toThrow('Страница уже записана');
  });
});
