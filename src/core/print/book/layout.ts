import type { PdfWriter } from '../document';
import type { PageCanvas } from '../page';
import { pageNumber } from '../table';
import type { ClassBook } from './model';

export interface BookOptions {
  /** Two-sided printing: a sheet holds two pages, and every spread starts on a left-hand (even) page. */
  duplex: boolean;
  /** Общие сведения об обучающихся: personal data, printed only when asked for. */
  personalData: boolean;
  /** Preflight found problems and the secretary printed anyway: the certification page says so. */
  draftNote?: string;
}

/** Margins and the page body used by every page of the book, in points. */
export const book = { left: 36, right: 36, top: 34, bottom: 40 };

/** The book being written: numbered pages and the first page of each section for the contents. */
export class BookPages {
  readonly sections: { title: string; detail: string; page: number }[] = [];

  constructor(
    readonly writer: PdfWriter,
    readonly data: ClassBook,
    readonly options: BookOptions,
  ) {}

  /** A new numbered page. */
  page(): PageCanvas {
    const canvas = this.writer.addPage('portrait');
    pageNumber(canvas, this.writer.pageCount);
    return canvas;
  }

  done(canvas: PageCanvas): Promise<void> {
    return this.writer.finish(canvas);
  }

  /** In two-sided printing, a blank page so that the next page is a left-hand one. */
  async toLeftHandPage(): Promise<void> {
    if (this.options.duplex && this.writer.pageCount % 2 === 0) await this.done(this.page());
  }

  section(title: string, detail = ''): void {
    this.sections.push({ title, detail, page: this.writer.pageCount + 1 });
  }

  get bodyWidth(): number {
    return 595.28 - book.left - book.right;
  }
}
