import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';

/**
 * The typefaces of the printed journal: ParaType's PT family (full Cyrillic, OFL), from the npm packages
 * `@expo-google-fonts/*`. They are embedded whole (`subset: false`): @pdf-lib/fontkit 1.1.1 corrupts PT glyphs
 * when subsetting. Measured: a class book is ~0.5 MB with the three faces below, which we accept over a
 * second font family (DejaVu) that looks less like the school's paper forms.
 */
export const fontFiles = {
  /** Grids: narrow, so that a mark and a day number fit a 16-point column. */
  narrow: 'pt-sans-narrow/400Regular/PTSansNarrow_400Regular.ttf',
  narrowBold: 'pt-sans-narrow/700Bold/PTSansNarrow_700Bold.ttf',
  /** Title and certification pages. */
  serifBold: 'pt-serif/700Bold/PTSerif_700Bold.ttf',
} as const;
export type FontName = keyof typeof fontFiles;

/**
 * Where the fonts are: `fonts/` beside the migrations in the installed app (electron-builder's extraResources),
 * or node_modules/@expo-google-fonts in a checkout. Both keep the packages' own layout.
 */
export function fontsDirFor(migrationsFolder: string): string {
  const root = path.dirname(path.resolve(migrationsFolder));
  const candidates = [path.join(root, 'fonts'), path.join(root, 'node_modules', '@expo-google-fonts')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, fontFiles.narrow)));
  if (!found) throw new Error(`Не найдены шрифты PT Sans Narrow рядом с ${root}`);
  return found;
}

/** A face parsed once per process: its bytes to embed and per-character glyph ids and advances. */
export interface FontFace {
  name: FontName;
  bytes: Uint8Array;
  /** Hex glyph id (4 digits, Identity-H) and advance in 1/1000 em for one character. */
  glyph(char: number): { hex: string; advance: number };
  /** A whole string, cached: the hex string for `Tj` and its width in 1/1000 em (no kerning, as on forms). */
  encode(text: string): Encoded;
  ascent: number;
  descent: number;
}

export interface Encoded {
  hex: string;
  width: number;
}

/** Enough for every name, date and code of a school; topics repeat less, so the cache is simply reset. */
const encodedLimit = 50_000;

const faces = new Map<string, FontFace>();

export function loadFace(fontsDir: string, name: FontName): FontFace {
  const file = path.join(fontsDir, fontFiles[name]);
  const cached = faces.get(file);
  if (cached) return cached;
  const bytes = new Uint8Array(fs.readFileSync(file));
  const font = fontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  const glyphs = new Map<number, { hex: string; advance: number }>();
  const encoded = new Map<string, Encoded>();
  const face: FontFace = {
    name,
    bytes,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    glyph(char) {
      let g = glyphs.get(char);
      if (!g) {
        const glyph = font.glyphForCodePoint(char);
        g = { hex: glyph.id.toString(16).padStart(4, '0'), advance: glyph.advanceWidth * scale };
        glyphs.set(char, g);
      }
      return g;
    },
    encode(text) {
      let e = encoded.get(text);
      if (!e) {
        let hex = '';
        let width = 0;
        for (const ch of text) {
          const g = face.glyph(ch.codePointAt(0) as number);
          hex += g.hex;
          width += g.advance;
        }
        e = { hex, width };
        if (encoded.size >= encodedLimit) encoded.clear();
        encoded.set(text, e);
      }
      return e;
    },
  };
  faces.set(file, face);
  return face;
}
