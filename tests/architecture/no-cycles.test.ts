// No module imports itself through others. A loop hides which of two files is the base: the one imported at
// start sees the other half-initialised (a runtime loop), and even a loop of types only ties two files so that
// neither can move or be read alone. The fix is a file of its own for what both sides share.
import fs from 'node:fs';
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

/**
 * The import loops among the files the globs match and everything they import, type-only imports included,
 * each as «a → b → … → a» relative to `cwd`; and every relative import that did not resolve to a file (a loop
 * through it would go unseen).
 */
async function importLoops(cwd: string, globs: string[]) {
  const tree = await parseDependencyTree(globs, { cwd, context: cwd, transform: false, skipDynamicImports: false });
  const unresolved = Object.values(tree)
    .flatMap((deps) => deps ?? [])
    .filter((d) => d.id === null && d.request.startsWith('.'))
    .map((d) => `${d.issuer}: ${d.request}`);
  const loops = parseCircular(tree).map((loop) => [...loop, loop[0]].join(' → '));
  return { files: Object.keys(tree).length, loops, unresolved };
}

describe('imports', () => {
  it('make no loop anywhere in src (every entry point, worker threads included, and the files they reach)', async () => {
    // Every source file is an entry: the build's entries (main, cli, preload, the renderer, each worker) and
    // any file that nothing reaches yet.
    const { files, loops, unresolved } = await importLoops(process.cwd(), ['src/**/*.ts', 'src/**/*.tsx']);
    expect(files).toBeGreaterThan(300);
    expect(unresolved).toEqual([]);
    expect(loops, 'move what both files of a loop share into a file of its own').toEqual([]);
  });

  it('are checked by a search that finds a loop, a type-only one too', async () => {
    const dir = tempDir('zhurnal-cycles-');
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport interface A { b: typeof b }\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport const b = (a: A) => a;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import { b } from './b';\nexport const c = b;\n");
    const { loops, unresolved } = await importLoops(dir, ['c.ts']);
    expect(unresolved).toEqual([]);
    expect(loops).toEqual(['b.ts → a.ts → b.ts']);
  });
});
