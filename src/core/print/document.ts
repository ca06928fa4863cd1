import zlib from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';
import { fontFiles, loadFace, type FontFace, type FontName } from './fonts';
import { A4, PageCanvas } from './page';

export interface PdfOptions {
  fontsDir: string;
  title: string;
  /** Fixed creation date for reproducible files (tests); the current time otherwise. */
  date?: Date;
}

export type Orientation = 'portrait' | 'landscape';

/**
 * A PDF built page by page with PageCanvas. A page's content is compressed and handed to pdf-lib as soon as
 * the page is finished (`finish`), so memory holds compressed streams, not drawing commands. A page may be
 * left open and finished later (a contents page whose page numbers are known only at the end).
 */
export class PdfWriter {
  private readonly pages: PDFPage[] = [];
  private readonly open = new Map<PageCanvas, PDFPage>();
  private readonly fonts = new Map<FontName, PDFFont>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly faces: Record<FontName, FontFace>,
  ) {}

  static async create(options: PdfOptions): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    doc.setTitle(options.title);
    doc.setProducer('Журнал');
    doc.setCreationDate(options.date ?? new Date());
    const names = Object.keys(fontFiles) as FontName[];
    const faces = Object.fromEntries(names.map((name) => [name, loadFace(options.fontsDir, name)])) as Record<
      FontName,
      FontFace
    >;
    return new PdfWriter(doc, faces);
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** A canvas outside the document, for measuring text before deciding how pages are cut. */
  scratch(): PageCanvas {
    return new PageCanvas(A4.width, A4.height, this.faces);
  }

  addPage(orientation: Orientation = 'portrait'): PageCanvas {
    const [w, h] = orientation === 'portrait' ? [A4.width, A4.height] : [A4.height, A4.width];
    const page = this.doc.addPage([w, h]);
    const canvas = new PageCanvas(w, h, this.faces);
    this.pages.push(page);
    this.open.set(canvas, page);
    return canvas;
  }

  /** Writes the page's content stream; the canvas must not be drawn on afterwards. */
  async finish(canvas: PageCanvas): Promise<void> {
    const page = this.open.get(canvas);
    if (!page) throw new Error('Страница уже записана');
    this.open.delete(canvas);
    const context = this.doc.context;
    const font = context.obj({});
    for (const name of canvas.fontsUsed) font.set(PDFName.of(name), await this.fontRef(name));
    page.node.set(PDFName.of('Resources'), context.obj({ Font: font }) as PDFDict);
    const stream = context.stream(zlib.deflateSync(Buffer.from(canvas.content(), 'latin1')), { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), context.register(stream));
  }

  async save(): Promise<Uint8Array> {
    for (const canvas of [...this.open.keys()]) await this.finish(canvas);
    return this.doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  }

  /** Fonts are embedded whole on first use (see fonts.ts for why not subset). */
  private async fontRef(name: FontName): Promise<PDFRef> {
    let font = this.fonts.get(name);
    if (!font) {
      font = await this.doc.embedFont(this.faces[name].bytes, { subset: false });
      this.fonts.set(name, font);
    }
    return font.ref;
  }
}
