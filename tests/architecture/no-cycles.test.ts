// No module imports itself through others. A loop hides which of two files is the base: the one imported at
// start sees the other half-initialised (a runtime loop), and even a loop of types only ties two files so that
// neither can move or be read alone. The fix is a file of its own for what both sides share.
import fs from 'node:fs';
import path from 'node:path';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

/** Every file the globs match and everything they import, type-only imports included, keyed relative to `cwd`. */
const importTree = (cwd: string, globs: string[]) =>
  parseDependencyTree(globs, { cwd, context: cwd, transform: false, skipDynamicImports: false });

/** Each import loop as «a → b → … → a»; and every relative import that resolved to no file (a loop through it would go unseen). */
function importLoops(tree: DependencyTree) {
  const unresolved = Object.values(tree)
    .flatMap((deps) => deps ?? [])
    .filter((d) => d.id === null && d.request.startsWith('.'))
    .map((d) => `${d.issuer}: ${d.request}`);
  const loops = parseCircular(tree).map((loop) => [...loop, loop[0]].join(' → '));
  return { loops, unresolved };
}

// Every source file is an entry: the build's entries (main, cli, preload, the renderer, each worker) and any file
// that nothing reaches yet. Parsed once for the tests below.
const source = importTree(process.cwd(), ['src/**/*.ts', 'src/**/*.tsx']);

describe('imports', () => {
  it('make no loop anywhere in src (every entry point, worker threads included, and the files they reach)', async () => {
    const tree = await source;
    expect(Object.keys(tree).length).toBeGreaterThan(300);
    const { loops, unresolved } = importLoops(tree);
    expect(unresolved).toEqual([]);
    expect(loops, 'move what both files of a loop share into a file of its own').toEqual([]);
  });

  it('are checked by a search that finds a loop, a type-only one too', async () => {
    const dir = tempDir('zhurnal-cycles-');
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport interface A { b: typeof b }\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport const b = (a: A) => a;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import { b } from './b';\nexport const c = b;\n");
    const { loops, unresolved } = importLoops(await importTree(dir, ['c.ts']));
    expect(unresolved).toEqual([]);
    expect(loops).toEqual(['b.ts → a.ts → b.ts']);
  });

  it('of the movement book reach no report: the reports read movement, not the other way round', async () => {
    const tree = await source;
    const intoReports = Object.entries(tree)
      .filter(([file]) => file.startsWith('src/core/movement/'))
      .flatMap(([, deps]) => deps ?? [])
      .filter((d) => d.id?.startsWith('src/core/reports/'))
      .map((d) => `${d.issuer} → ${d.id}`);
    expect(Object.keys(tree).some((file) => file.startsWith('src/core/movement/'))).toBe(true);
    expect(intoReports).toEqual([]);
  });
});
