import { hasHiddenCharacter, hiddenCharacterMessage } from '../../shared/contract/text';

// Bounds on what any call may carry before its schema even looks at it. The largest legitimate input is a
// thematic plan file (plans:previewImport, 10 MB as base64); the deepest is a few levels of objects.
const maxDepth = 12;
const maxNodes = 50_000;
const maxChars = 16_000_000;

const unsupported = 'Неподдерживаемый тип данных: ожидаются строки, числа, списки и объекты JSON';

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export interface RawInputProblem {
  path: string;
  message: string;
}

/**
 * Checks the raw input of a call, whatever its channel: nesting, size, and no hidden characters in any string
 * or key (including keys the schema would strip). One place, so no channel can forget it. Null when fine.
 */
export function rawInputProblem(input: unknown): RawInputProblem | null {
  let nodes = 0;
  let chars = 0;
  const walk = (value: unknown, path: string, depth: number): RawInputProblem | null => {
    if (++nodes > maxNodes) return { path, message: 'Слишком большой запрос' };
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > maxChars) return { path, message: 'Слишком большой запрос' };
      return hasHiddenCharacter(value) ? { path, message: hiddenCharacterMessage } : null;
    }
    if (typeof value === 'number') return Number.isFinite(value) ? null : { path, message: 'Ожидается конечное число' };
    if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function')
      return { path, message: unsupported };
    if (typeof value !== 'object' || value === null) return null;
    // IPC's structured clone carries Dates, Maps, typed arrays…; an empty object schema would take them for {}.
    if (!Array.isArray(value) && !isPlainObject(value)) return { path, message: unsupported };
    if (depth >= maxDepth) return { path, message: 'Слишком глубоко вложенные данные' };
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value);
    for (const [key, inner] of entries) {
      const at = path ? `${path}.${key}` : key;
      if (hasHiddenCharacter(key)) return { path: at, message: hiddenCharacterMessage };
      const problem = walk(inner, at, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(input, '', 0);
}
