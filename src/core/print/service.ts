import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className, fullName } from '../../shared/names';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { classes, users } from '../db/schema';
import type { SchoolService } from '../school/service';
import { yearOrCurrent } from '../school/years';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { auditPrinting } from './audit';
import { PdfWriter } from './document';
import type { BookOptions } from './book/layout';
import { loadClassBook } from './book/load';
import { draftReason, preflight } from './book/preflight';
import { writeClassBook, type BookResult } from './book/write';
import type { ClassBook } from './book/model';
import { createPrintJobs } from './jobs';
import { writeSchool, type SchoolProgress, type SchoolResult } from './school';

export interface PrintDeps {
  db: Db;
  clock: Clock;
  school: SchoolService;
  /** Resolved when something is printed, so that the rest of the app never depends on the fonts. */
  fontsDir(): string;
  /** Where the app's printed files go (the desktop app: Documents/Журнал). */
  outputDir(): string;
  /** The desktop shell opens and prints files; a browser on the school's network cannot. */
  desktop?: DesktopFiles;
  /** Printing is audited, and printing students' personal data is audited per student. */
  audit?: AuditService;
  /** Runs the whole school's books elsewhere (a worker thread, core/workers/offload.ts); by default here. */
  runSchool?(yearId: number, options: BookOptions, progress: SchoolProgress): Promise<SchoolResult>;
  /** The command line names its own files; by default books and school runs go into the print folder. */
  printTo?: PrintTargets;
}

export interface PrintTargets {
  /** The file print:classBook writes (`zhurnal print --class 5А --out FILE`). */
  book?: string;
  /** The folder print:startSchool writes the books and the act into (`zhurnal print --all --out-dir DIR`). */
  school?: string;
}

export interface DesktopFiles {
  openFile(file: string): Promise<void>;
  printFile(file: string): Promise<void>;
}

export type PrintService = ReturnType<typeof createPrintService>;

/** «Журнал 5А 2025-2026.pdf»: a slash cannot be in a file name. */
export const bookFileName = (cls: string, year: string) => `Журнал ${cls} ${year.replace('/', '-')}.pdf`;

export function createPrintService(deps: PrintDeps) {
  const { db, school } = deps;
  const today = () => localDate(deps.clock.now());

  const yearOf = (yearId?: number) => yearOrCurrent(db, yearId);

  function classesOf(yearId?: number) {
    const year = yearOf(yearId);
    const rows = db
      .select({ id: classes.id, grade: classes.grade, letter: classes.letter, teacher: users })
      .from(classes)
      .leftJoin(users, eq(users.id, classes.classTeacherId))
      .where(eq(classes.yearId, year.id))
      .orderBy(asc(classes.grade), asc(classes.letter))
      .all();
    return {
      year,
      classes: rows.map((r) => ({
        id: r.id,
        name: className(r),
        classTeacher: r.teacher ? fullName(r.teacher) : null,
      })),
    };
  }

  async function bookPdf(
    classId: number,
    options: BookOptions,
    loaded?: ClassBook,
  ): Promise<BookResult & { bytes: Uint8Array; className: string; yearName: string }> {
    const data = loaded ?? loadClassBook(db, school, classId, today());
    const writer = await PdfWriter.create({
      fontsDir: deps.fontsDir(),
      title: `Классный журнал ${data.className}, ${data.yearName}`,
    });
    const result = await writeClassBook(writer, data, options);
    return { ...result, bytes: await writer.save(), className: data.className, yearName: data.yearName };
  }

  const jobs = createPrintJobs();
  const audited = auditPrinting(db, deps.audit);
  const folderOf = (yearName: string) =>
    deps.printTo?.school ?? path.join(deps.outputDir(), `Журналы ${yearName.replace('/', '-')}`);

  function writeSchoolTo(
    yearId: number | undefined,
    options: BookOptions,
    outDir: string | null,
    progress?: SchoolProgress,
  ): Promise<SchoolResult> {
    const { year, classes: list } = classesOf(yearId);
    return writeSchool({
      list,
      yearName: year.name,
      options,
      outDir: outDir ?? folderOf(year.name),
      progress,
      bookPdf: checkedBookPdf,
      fontsDir: deps.fontsDir(),
      school,
    });
  }

  /** Only files this service wrote (PDFs inside the print folder) may be opened, printed or downloaded. */
  function printedFile(file: string): string {
    const resolved = path.resolve(file);
    const root = path.resolve(deps.outputDir());
    if (!resolved.startsWith(root + path.sep) || !resolved.toLowerCase().endsWith('.pdf'))
      throw new AppError('validation', 'Открыть или скачать можно только напечатанный Журналом PDF-файл');
    if (!fs.existsSync(resolved)) throw new AppError('not_found', `Файл не найден: ${resolved}`);
    return resolved;
  }

  /** A preflight that found problems makes the book a draft: the certification page says so, and why. */
  function withDraftNote(data: ClassBook, options: BookOptions) {
    const issues = preflight(db, data, today());
    const draft = draftReason(issues);
    return { options: draft ? { ...options, draftNote: draft } : options, issues: issues.length, draft };
  }

  /** A book checked first (loaded once for both), so that its certification page and the act can name a draft. */
  async function checkedBookPdf(classId: number, options: BookOptions) {
    const data = loadClassBook(db, school, classId, today());
    const checked = withDraftNote(data, options);
    return { ...(await bookPdf(classId, checked.options, data)), issues: checked.issues, draft: checked.draft };
  }

  return {
    classes: classesOf,

    /** The print screen's choice: every year, the one shown (the current by default) and its classes. */
    choice(yearId?: number) {
      const { year, classes: list } = classesOf(yearId);
      return { years: school.years(), yearId: year.id, classes: list };
    },

    preflight: (classId: number) => preflight(db, loadClassBook(db, school, classId, today()), today()),

    bookPdf,

    /** Every class of the year, one file each, and the act; a class that fails is reported and the others go on. */
    writeSchool(
      actor: Actor | null,
      yearId: number | undefined,
      options: BookOptions,
      outDir: string,
      progress?: SchoolProgress,
    ): Promise<SchoolResult> {
      audited.school(actor, yearOf(yearId).id, { duplex: options.duplex, personalData: options.personalData });
      return writeSchoolTo(yearId, options, outDir, progress);
    },

    /** The print screen's book: into the year's folder of the print folder (or the command line's file). */
    async bookToFolder(actor: Actor, classId: number, options: BookOptions) {
      const book = await checkedBookPdf(classId, options);
      const file =
        deps.printTo?.book ?? path.join(folderOf(book.yearName), bookFileName(book.className, book.yearName));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, book.bytes);
      audited.book(actor, classId, {
        file,
        pages: book.pages,
        duplex: options.duplex,
        personalData: options.personalData,
      });
      return { file, pages: book.pages, sheets: book.sheets, issues: book.issues };
    },

    startSchool(actor: Actor, yearId: number | undefined, options: BookOptions): string {
      const { year } = classesOf(yearId);
      audited.school(actor, year.id, { duplex: options.duplex, personalData: options.personalData });
      const run = deps.runSchool ?? ((id: number, o: BookOptions, p: SchoolProgress) => writeSchoolTo(id, o, null, p));
      return jobs.start(folderOf(year.name), (progress) => run(year.id, options, progress));
    },

    /** The print screen's whole school into the year's folder, already audited by startSchool: what runSchool runs. */
    schoolToFolder: (yearId: number, options: BookOptions, progress: SchoolProgress) =>
      writeSchoolTo(yearId, options, null, progress),
    job: jobs.get,
    cancel: jobs.cancel,

    /** Opens or prints a file this service wrote, on this computer's screen or printer: the desktop app only. */
    async open(actor: Actor, file: string, action: 'open' | 'print'): Promise<void> {
      const resolved = printedFile(file);
      if (!deps.desktop)
        throw new AppError(
          'conflict',
          `Открыть или напечатать файл можно только в приложении Журнал на этом компьютере. Файл сохранён: ${resolved}`,
          { refusal: 'desktop_only' },
        );
      await (action === 'open' ? deps.desktop.openFile(resolved) : deps.desktop.printFile(resolved));
      if (action === 'print') audited.sent(actor, resolved);
    },

    /**
     * A file this service wrote, for the computer that asked for it (a browser downloads it): the book leaves
     * the server's disk, so who took it is in the audit log.
     */
    download(actor: Actor, file: string): { fileName: string; mimeType: string; base64: string } {
      const resolved = printedFile(file);
      const bytes = fs.readFileSync(resolved);
      audited.downloaded(actor, resolved);
      return { fileName: path.basename(resolved), mimeType: 'application/pdf', base64: bytes.toString('base64') };
    },
  };
}
