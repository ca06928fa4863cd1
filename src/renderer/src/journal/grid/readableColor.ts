/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const parse = (hex: string): [number, number, number] | null => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
};

/** Contrast of a colour against white (the grid's cells), 1–21. */
export function contrastOnWhite(hex: string): number {
  const rgb = parse(hex);
  return rgb ? 1.05 / (luminance(rgb) + 0.05) : 21;
}

/**
 * A work kind's colour, as the school chose it, darkened just enough to be read on the grid's light rows
 * (4.5:1, WCAG AA): a pale orange «практическая» stays orange, only darker. Colours that are not `#rrggbb` pass.
 */
export function readableColor(hex: string, target = 4.6): string {
  const rgb = parse(hex);
  if (!rgb) return hex;
  let [r, g, b] = rgb;
  for (let i = 0; i < 40 && 1.05 / (luminance([r, g, b]) + 0.05) < target; i++) {
    [r, g, b] = [r * 0.93, g * 0.93, b * 0.93].map(Math.floor) as [number, number, number];
  }
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
