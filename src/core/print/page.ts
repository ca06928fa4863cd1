import type { Encoded, FontFace, FontName } from './fonts';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };
export const mm = (v: number) => (v * 72) / 25.4;

export interface TextStyle {
  font?: FontName;
  size?: number;
  /** Alignment within `width` starting at x (left when no width is given). */
  align?: 'left' | 'center' | 'right';
  width?: number;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * One page's content, written with PDF operators directly. The coordinates are points from the top-left
 * corner (y grows downwards), as layouts are thought of. Thin lines go into one path stroked once, heavy
 * lines into a second; text is emitted from cached glyph strings in one text object. This is what makes a
 * page ~100× cheaper than pdf-lib's drawRectangle/drawText per cell.
 */
export class PageCanvas {
  private thin: string[] = [];
  private heavy: string[] = [];
  private fills: string[] = [];
  private texts: string[] = [];
  /** Fonts this page uses: the document turns them into the page's resources. */
  readonly fontsUsed = new Set<FontName>();

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly faces: Record<FontName, FontFace>,
  ) {}

  line(x1: number, y1: number, x2: number, y2: number, heavy = false): void {
    (heavy ? this.heavy : this.thin).push(`${n(x1)} ${n(this.height - y1)} m ${n(x2)} ${n(this.height - y2)} l`);
  }

  rect(x: number, y: number, w: number, h: number, heavy = false): void {
    (heavy ? this.heavy : this.thin).push(`${n(x)} ${n(this.height - y - h)} ${n(w)} ${n(h)} re`);
  }

  /** A filled rectangle in gray (0 black … 1 white), drawn under lines and text. */
  fill(x: number, y: number, w: number, h: number, gray: number): void {
    this.fills.push(`${n(gray)} g ${n(x)} ${n(this.height - y - h)} ${n(w)} ${n(h)} re f`);
  }

  measure(text: string, size: number, font: FontName = 'narrow'): number {
    return (this.faces[font].encode(text).width * size) / 1000;
  }

  /** Text with its baseline at y. */
  text(text: string, x: number, y: number, style: TextStyle = {}): void {
    if (text === '') return;
    const font = style.font ?? 'narrow';
    const size = style.size ?? 9;
    const e: Encoded = this.faces[font].encode(text);
    let left = x;
    if (style.width !== undefined && style.align && style.align !== 'left') {
      const w = (e.width * size) / 1000;
      left = style.align === 'center' ? x + (style.width - w) / 2 : x + style.width - w;
    }
    this.fontsUsed.add(font);
    this.texts.push(`/${font} ${n(size)} Tf 1 0 0 1 ${n(left)} ${n(this.height - y)} Tm <${e.hex}> Tj`);
  }

  /** Text turned 90° counter-clockwise (a narrow column's header), starting at (x, y) and going up. */
  textUp(text: string, x: number, y: number, style: TextStyle = {}): void {
    if (text === '') return;
    const font = style.font ?? 'narrow';
    const size = style.size ?? 9;
    this.fontsUsed.add(font);
    this.texts.push(
      `/${font} ${n(size)} Tf 0 1 -1 0 ${n(x)} ${n(this.height - y)} Tm <${this.faces[font].encode(text).hex}> Tj`,
    );
  }

  /** Splits text into lines no wider than `width`, at spaces; a word longer than the line is cut. */
  wrap(text: string, width: number, size: number, font: FontName = 'narrow'): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.measure(candidate, size, font) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (this.measure(line, size, font) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.measure(line.slice(0, cut), size, font) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      if (line) lines.push(line);
    }
    return lines;
  }

  /** Wrapped lines from the top of a box; returns the height they took. */
  paragraph(text: string, x: number, y: number, width: number, style: TextStyle & { leading?: number } = {}): number {
    const size = style.size ?? 9;
    const leading = style.leading ?? size * 1.2;
    const lines = this.wrap(text, width, size, style.font);
    lines.forEach((l, i) => this.text(l, x, y + size + i * leading, { ...style, width }));
    return lines.length * leading;
  }

  /** The page's content stream: fills, then thin and heavy line paths, then one text object. */
  content(): string {
    const parts: string[] = ['q'];
    if (this.fills.length) parts.push(this.fills.join('\n'), '0 g');
    if (this.thin.length) parts.push('0.4 w 0 G', this.thin.join('\n'), 'S');
    if (this.heavy.length) parts.push('1 w 0 G', this.heavy.join('\n'), 'S');
    if (this.texts.length) parts.push('BT', this.texts.join('\n'), 'ET');
    parts.push('Q');
    return parts.join('\n');
  }
}
