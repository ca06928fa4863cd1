import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SchoolService } from '../school/service';
import { writeAct, type ActEntry } from './act';
import type { BookOptions } from './book/layout';
import type { BookResult } from './book/write';
import { PdfWriter } from './document';

export interface SchoolProgress {
  /** Called before each class and once at the end (done === total). */
  onProgress?(done: number, total: number, current: string | null): void;
  /** Checked between classes: the books already written stay, the act is not made. */
  signal?: AbortSignal;
}

export interface SchoolBook {
  className: string;
  file: string | null;
  pages: number | null;
  sheets: number | null;
  error: string | null;
  /** Why the book is a draft (the preflight found it incomplete); null: complete. */
  draft: string | null;
}

export interface SchoolResult {
  folder: string;
  books: SchoolBook[];
  /** The act's file; null when the run was cancelled. */
  act: string | null;
  cancelled: boolean;
}

interface Args {
  list: { id: number; name: string; classTeacher: string | null }[];
  yearName: string;
  options: BookOptions;
  outDir: string;
  progress?: SchoolProgress;
  /** A book, with why it is a draft when its preflight found it incomplete. */
  bookPdf(classId: number, options: BookOptions): Promise<BookResult & { bytes: Uint8Array; draft?: string | null }>;
  fontsDir: string;
  school: SchoolService;
}

const messageOf = (e: unknown) => (e instanceof AppError ? e.message : `внутренняя ошибка (${(e as Error).message})`);

/**
 * Class after class, each book written to its file before the next is started: memory holds one book at a
 * time whatever the size of the school.
 */
export async function writeSchool(a: Args): Promise<SchoolResult> {
  fs.mkdirSync(a.outDir, { recursive: true });
  const books: SchoolBook[] = [];
  const total = a.list.length;
  for (const [i, cls] of a.list.entries()) {
    // Let the event loop breathe between classes: the screen's progress polls and a cancel get through.
    await new Promise((resolve) => setImmediate(resolve));
    if (a.progress?.signal?.aborted) return { folder: a.outDir, books, act: null, cancelled: true };
    a.progress?.onProgress?.(i, total, cls.name);
    const file = path.join(a.outDir, `${cls.name}.pdf`);
    try {
      const book = await a.bookPdf(cls.id, a.options);
      fs.writeFileSync(file, book.bytes);
      const { pages, sheets } = book;
      books.push({ className: cls.name, file, pages, sheets, error: null, draft: book.draft ?? null });
    } catch (e) {
      books.push({ className: cls.name, file: null, pages: null, sheets: null, error: messageOf(e), draft: null });
    }
  }
  const entries: ActEntry[] = books.map((b, i) => ({
    className: b.className,
    classTeacher: a.list[i]?.classTeacher ?? null,
    sheets: b.sheets,
    error: b.error,
    draft: b.draft,
  }));
  const writer = await PdfWriter.create({ fontsDir: a.fontsDir, title: `Акт передачи журналов ${a.yearName}` });
  await writeAct(writer, {
    schoolName: a.school.schoolName() ?? '',
    director: a.school.director() ?? '',
    yearName: a.yearName,
    entries,
  });
  const act = path.join(a.outDir, `Акт передачи ${a.yearName.replace('/', '-')}.pdf`);
  fs.writeFileSync(act, await writer.save());
  a.progress?.onProgress?.(total, total, null);
  return { folder: a.outDir, books, act, cancelled: false };
}
