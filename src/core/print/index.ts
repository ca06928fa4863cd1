/**
 * The print engine: PDFs for the bound journal and for the reports, on pdf-lib with low-level content.
 *
 *   const pdf = await PdfWriter.create({ fontsDir: fontsDirFor(migrationsFolder), title: 'Отчёт' });
 *   await writeTable(pdf, { title: 'Посещаемость 5А', columns: [{ title: 'Ученик', width: 3 }, …], rows });
 *   const page = pdf.addPage('landscape');          // or draw a page yourself, in points from the top-left:
 *   page.text('Итоги', 40, 60, { font: 'narrowBold', size: 12 });
 *   page.line(40, 70, 400, 70);                     // all thin lines of a page become one path
 *   drawTable(page, { x: 40, width: 500, columns }, rows, 0, 80, page.height - 40);
 *   await pdf.finish(page);                          // compress the page now; memory stays bounded
 *   fs.writeFileSync(file, await pdf.save());
 */
export { PdfWriter, type Orientation, type PdfOptions } from './document';
export { fontsDirFor, type FontName } from './fonts';
export { A4, mm, PageCanvas, type TextStyle } from './page';
export {
  drawTable,
  margin,
  pageNumber,
  writeTable,
  writeTables,
  type TableBlock,
  type TableColumn,
  type TableDocument,
} from './table';
