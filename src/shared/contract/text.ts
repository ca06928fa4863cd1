import { z } from 'zod';

/**
 * Characters no journal entry needs and that hide or disguise what a text says: control characters (tab and
 * line breaks excepted: a pasted column has them), bidirectional overrides that flip a name on screen,
 * zero-width characters that make two logins or names look alike, the byte-order mark, noncharacters, and
 * lone UTF-16 surrogates (half an emoji: SQLite would store bytes no one can print). Checked for every string
 * of every call (core/api/raw-input.ts), so a channel added later is covered without remembering to.
 */
export const hiddenCharacter =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hiddenCharacterMessage =
  'В тексте есть невидимые или управляющие символы: наберите его заново, не копируя';

export const hasHiddenCharacter = (s: string) => hiddenCharacter.test(s);

/** A free-text field: trimmed, at most `max` characters (and at least `min`, said by `tooShort`), no hidden characters. */
export function text(max: number, min?: { min: number; tooShort: string }) {
  const bounded = z.string().trim().max(max, `Не длиннее ${max} символов`);
  return (min ? bounded.min(min.min, min.tooShort) : bounded).refine(
    (s) => !hasHiddenCharacter(s),
    hiddenCharacterMessage,
  );
}
