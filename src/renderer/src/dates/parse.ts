/**
 * The school writes dates as «24.11.2026»; the field also takes an ISO date (pasted from a file) and eight digits
 * typed without dots. A year must have four digits, so a half-typed «24.11.20» is not taken for 2020.
 * Returns the ISO date, or null when the text is not a real date.
 */
export function parseSchoolDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const ru = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const parts = iso ? [iso[3], iso[2], iso[1]] : ru ? [ru[1], ru[2], ru[3]] : null;
  if (!parts) return null;
  const [day, month, year] = parts.map(Number) as [number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
