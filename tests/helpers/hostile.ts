// Generated hostile input for the fuzz tests: from each channel's input schema, payloads
// that are wrong by construction — every one must come back as a `validation` error and change nothing.
// A payload is a non-object, or an object of the schema's own keys filled with hostile values, at least one
// of which the schema (zod, asked as the oracle) or the raw-input guard refuses for certain.
import fc from 'fast-check';
import type { z } from 'zod';
import { hasHiddenCharacter } from '../../src/shared/contract/text';

export const sqlFragments = [
  "'; DROP TABLE marks; --",
  '1 OR 1=1',
  '" OR ""="',
  "1; DELETE FROM users WHERE '1'='1",
  "' UNION SELECT password_hash FROM users --",
  "Robert'); DROP TABLE students;--",
];
export const scriptTags = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "{{constructor.constructor('alert(1)')()}}",
  '<svg/onload=alert(1)>',
];
export const unicodeEdges = [
  '\u202Eвокенаб', // RTL override
  'мат\u200Bематика', // zero-width space
  'a\u0000b', // NUL
  '\uD800', // lone high surrogate
  '\uDFFFx', // lone low surrogate
  '\uFEFF5', // byte-order mark
  '\u2066изолят\u2069',
  '👩\u200D🏫', // emoji with a zero-width joiner
  '\u0007звонок',
  'é', // combining accent: legitimate text
  '５', // full-width digit
  '٥', // Arabic-Indic digit
  '5A', // Latin A where Cyrillic А is meant
  '   ',
  '',
];
export const impossibleDates = [
  '2025-02-30',
  '2023-02-29',
  '2025-13-01',
  '2025-00-10',
  '2025-04-31',
  '0000-01-01',
  '9999-12-31',
  '2025-2-3',
  '2025-02-28T00:00',
  ' 2025-02-28',
  '31.12.2025',
  '2025-02-28\u0000',
];
export const badNumbers = [
  -1,
  0,
  -0,
  0.5,
  -2.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 63,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1e-9,
];
export const hugeStrings = ['я'.repeat(100_001), 'x'.repeat(1_000_001), '5'.repeat(5000)];
const weirdShapes: unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [1, 2],
  { $gt: '' },
  JSON.parse('{"__proto__":{"admin":true}}'),
  { toString: 'x' },
  [[[[[[[[[[[[[[['deep']]]]]]]]]]]]]]],
];

/** Everything above plus a few values that are often valid (ids 1–5, a real date, a mark). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...sqlFragments, ...scriptTags, ...unicodeEdges, ...impossibleDates),
  fc.constantFrom(...badNumbers),
  fc.constantFrom(...weirdShapes),
  fc.constantFrom(1, 2, 3, 5, '5', 'н', 'н/а', '2025-09-01', 'year', 'period', true),
  fc.constantFrom(...hugeStrings),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.anything({ maxDepth: 3 }),
);

/** Values certain to be refused whatever the field: the raw-input guard refuses them in any position. */
const alwaysRefused = fc.oneof(
  fc.constantFrom('a\u0000b', '\uD800', '\u202Eтекст', 'мат\u200Bематика', '\uFEFF1', "'; DROP TABLE marks; --\u0000"),
  fc.string({ maxLength: 20 }).map((s) => `${s}\uDC00`),
);

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; in?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** The object schema under optional/default/pipe wrappers, or null when the input is not an object. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape ?? {};
  if (def.innerType) return objectShape(def.innerType);
  if (def.in) return objectShape(def.in);
  return null;
}

/** A value this field's schema refuses: a hostile value zod says no to, or one the guard refuses anyway. */
function poisonFor(field: z.ZodType): fc.Arbitrary<unknown> {
  const acceptsAnything = [{ probe: 1 }, 'x', 1, [], true].every((v) => field.safeParse(v).success);
  if (acceptsAnything) return alwaysRefused;
  const refusedByZod = hostileValue.filter((v) => v !== undefined && !field.safeParse(v).success);
  return fc.oneof({ weight: 3, arbitrary: refusedByZod }, { weight: 1, arbitrary: alwaysRefused });
}

/** Whether the raw-input guard or the schema refuses the payload: the fuzz checks its own generator with it. */
export function surelyRefused(schema: z.ZodType, payload: unknown): boolean {
  const strings: string[] = [];
  const collect = (v: unknown, depth: number): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object' && depth < 40) {
      for (const [k, inner] of Object.entries(v)) {
        strings.push(k);
        collect(inner, depth + 1);
      }
    }
  };
  collect(payload, 0);
  return strings.some(hasHiddenCharacter) || !schema.safeParse(payload ?? {}).success;
}

/** Payloads for one channel's input schema, each wrong for certain. */
export function hostilePayload(schema: z.ZodType): fc.Arbitrary<unknown> {
  // null and undefined mean "no input" ({}), which is valid for a channel without fields: not sent.
  const notAnObject = fc.oneof(
    fc.constantFrom(...sqlFragments, ...scriptTags, ...unicodeEdges, ...badNumbers, true, false),
    fc.array(hostileValue, { maxLength: 4 }),
  );
  const shape = objectShape(schema);
  const keys = Object.keys(shape ?? {});
  const extraKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    "'; DROP TABLE users; --",
    'isAdmin',
    'roles',
  );
  const filled = fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
  const wrongObject =
    keys.length === 0
      ? fc.tuple(extraKey, alwaysRefused).map(([k, v]) => JSON.parse(JSON.stringify({ [k]: v })) as unknown)
      : fc
          .tuple(filled, fc.constantFrom(...keys))
          .chain(([base, key]) => poisonFor(shape![key]!).map((poison) => ({ ...(base as object), [key]: poison })));
  return fc.oneof({ weight: 1, arbitrary: notAnObject }, { weight: 4, arbitrary: wrongObject });
}
