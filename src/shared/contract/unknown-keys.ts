/**
 * zod strips the keys an object schema does not name, silently: a misspelt `{ vaule1: '5' }` would be a
 * call that "succeeds" doing less than asked, and a key meant for another channel would go unnoticed. So
 * the rule for every call is that an input names only what its schema names: after a successful parse,
 * the raw input is walked beside what the schema kept, and the first key the schema dropped is reported.
 * Done here once, for every channel, instead of writing `strictObject` in 270 places where an output schema
 * (which must strip: it keeps a service's whole row from leaking) looks the same as an input one.
 */
export interface UnknownKey {
  path: string;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function unknownKey(raw: unknown, kept: unknown, path = ''): UnknownKey | null {
  if (Array.isArray(raw) && Array.isArray(kept) && raw.length === kept.length) {
    for (let i = 0; i < raw.length; i++) {
      const found = unknownKey(raw[i], kept[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  // A transform that turned the value into something else (a string upper-cased, say) has no keys to compare.
  if (!isRecord(raw) || !isRecord(kept)) return null;
  for (const [key, value] of Object.entries(raw)) {
    const at = path ? `${path}.${key}` : key;
    // `undefined` is how IPC carries an absent optional field; it asks for nothing.
    if (value === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(kept, key))
      return { path: at, message: `Лишнее поле «${at}»: этот вызов его не принимает, ничего не изменено` };
    const found = unknownKey(value, kept[key], at);
    if (found) return found;
  }
  return null;
}
