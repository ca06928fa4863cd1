// The shared field helpers of the contract refuse hostile values (control characters, bidi marks, huge values), and every string and
// list of every channel's input has an upper bound (walked from the registry: a later channel is covered).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allChannels, entityId, isoDate, text } from '../../../src/shared/contract';
import { rawInputProblem } from '../../../src/core/api/raw-input';
import { badNumbers, impossibleDates } from '../../helpers/hostile';

type Def = {
  type: string;
  left?: z.ZodType;
  right?: z.ZodType;
  checks?: { _zod: { def: { check: string } } }[];
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
  keyType?: z.ZodType;
};

/** Paths of strings without maxLength and arrays without a maximum, in one input schema. */
function unbounded(schema: z.ZodType, at: string): string[] {
  const def = (schema as unknown as { def: Def }).def;
  const hasMax = (def.checks ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));
  switch (def.type) {
    case 'string':
      return hasMax ? [] : [at];
    case 'array':
      return (hasMax ? [] : [`${at}[]`]).concat(unbounded(def.element!, `${at}[]`));
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => unbounded(v, at ? `${at}.${k}` : k));
    case 'union':
      return (def.options ?? []).flatMap((o) => unbounded(o, at));
    case 'record':
      return unbounded(def.keyType!, `${at}{key}`);
    case 'intersection':
      return [...unbounded(def.left!, at), ...unbounded(def.right!, at)];
    case 'pipe':
      return unbounded(def.in!, at);
    default:
      return def.innerType ? unbounded(def.innerType, at) : [];
  }
}

describe('the contract’s input schemas', () => {
  it('bound every string and every list of every channel', () => {
    expect(allChannels.flatMap((c) => unbounded(c.input, '').map((p) => `${c.channel} ${p}`))).toEqual([]);
  });

  it('take only real calendar dates', () => {
    for (const d of impossibleDates) expect(isoDate.safeParse(d).success, d).toBe(false);
    for (const d of ['2024-02-29', '2025-12-31', '1900-01-01', '2100-12-31'])
      expect(isoDate.safeParse(d).success, d).toBe(true);
    expect(isoDate.safeParse('2025-02-30').error?.issues[0]?.message).toBe('Такой даты нет в календаре');
  });

  it('take only positive whole safe numbers as ids', () => {
    for (const n of badNumbers) expect(entityId.safeParse(n).success, String(n)).toBe(false);
    for (const v of ['1', null, true, [1], { id: 1 }]) expect(entityId.safeParse(v).success).toBe(false);
    expect(entityId.safeParse(42).success).toBe(true);
  });

  it('keep free text bounded and free of hidden characters, but take Russian text, quotes and angle brackets', () => {
    const topic = text(500);
    for (const s of [
      '\u202Eвокенаб',
      'мат\u200Bематика',
      'a\u0000b',
      '\uD800',
      '\uDFFFx',
      'a\uFEFFb',
      '\u2066изолят\u2069',
      '👩\u200D🏫',
      '\u0007звонок',
    ])
      expect(topic.safeParse(s).error?.issues[0]?.message ?? `accepted ${JSON.stringify(s)}`).toMatch(
        /невидимые или управляющие/,
      );
    expect(topic.safeParse('я'.repeat(501)).error?.issues[0]?.message).toBe('Не длиннее 500 символов');
    for (const s of [
      'Дроби: a < b',
      "«Слово о полку Игореве»; O'Henry",
      '<script>alert(1)</script>',
      "'; DROP TABLE marks; --",
      'е́ж 👍',
      'строка\nстрока\tтаб',
    ]) {
      expect(topic.safeParse(s).success, s).toBe(true);
    }
  });

  it('the raw-input guard refuses hidden characters anywhere, too deep nesting and too much data', () => {
    expect(rawInputProblem({ a: [{ b: 'x\u0000' }] })).toMatchObject({ path: 'a.0.b' });
    expect(rawInputProblem({ ['ключ\u202E']: 1 })).not.toBeNull();
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(rawInputProblem(deep)?.message).toBe('Слишком глубоко вложенные данные');
    expect(rawInputProblem({ a: 'x'.repeat(16_000_001) })?.message).toBe('Слишком большой запрос');
    expect(rawInputProblem(Array.from({ length: 60_000 }, () => 1))?.message).toBe('Слишком большой запрос');
    for (const v of [new Date(), new Map(), new Uint8Array(2), 1n, Number.NaN, Infinity, /x/, () => 1])
      expect(rawInputProblem({ v }), String(v)).not.toBeNull();
    expect(
      rawInputProblem({ lessonId: 1, topic: 'Дроби', rows: [{ title: 'Тема' }], n: null, o: Object.create(null) }),
    ).toBeNull();
  });
});
