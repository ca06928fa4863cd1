import { execFileSync } from 'node:child_process';

/** PDFs are checked by reading them back with poppler (installed with the `poppler-utils` package). */
export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Text of one page (1-based) or of the whole file, in reading layout. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** Every page's text: one pdftotext run, split at form feeds. */
export function pdfPages(file: string): string[] {
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f');
  if (pages.at(-1) === '') pages.pop();
  return pages;
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}
