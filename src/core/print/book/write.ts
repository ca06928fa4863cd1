import type { PdfWriter } from '../document';
import {
  writeAttendanceSummary,
  writeCertification,
  writePersonalData,
  writeProgressSummary,
  writeRemarks,
} from './back';
import { reserveContents, writeContents, writeTitle } from './front';
import { BookPages, type BookOptions } from './layout';
import type { ClassBook } from './model';
import { writeJournal } from './spread';

export interface BookResult {
  pages: number;
  /** What the certification page says: pages one-sided, half of them (rounded up) two-sided. */
  sheets: number;
}

/** Writes one class's book in the order docs/DOMAIN.md gives, the certification page last. */
export async function writeClassBook(writer: PdfWriter, data: ClassBook, options: BookOptions): Promise<BookResult> {
  const pages = new BookPages(writer, data, options);
  await writeTitle(pages);
  const contents = reserveContents(pages);
  for (const journal of data.journals) await writeJournal(pages, journal);
  await pages.toLeftHandPage();
  // The 1st grade has no marks, so no progress summary sheet.
  if (data.grade > 1) await writeProgressSummary(pages);
  await writeAttendanceSummary(pages);
  if (options.personalData) await writePersonalData(pages);
  await writeRemarks(pages);
  pages.section('Заверительная надпись');
  const sheets = await writeCertification(pages);
  await writeContents(pages, contents);
  return { pages: writer.pageCount, sheets };
}
