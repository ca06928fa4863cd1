import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerEntries } from '../../src/core/workers/entries';

const outMain = path.resolve('out/main');

/** Every file under src/ whose name says it is a worker thread's entry. */
function workerFiles(dir = path.resolve('src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return workerFiles(file);
    return e.name.endsWith('.worker.ts') ? [path.relative(path.resolve('src'), file).split(path.sep).join('/')] : [];
  });
}

/**
 * startWorker runs out/main/<name>.js in the bundle: a worker missing from electron.vite.config.ts's inputs
 * would fail only when the app first starts that thread. The built CLI's backup (built-backup.test.ts) runs
 * the backup's threads; this checks every one is there, with the chunks it requires.
 */
describe('the build has every worker thread as a file of its own', () => {
  it('registers every *.worker.ts under src/, and nothing else', () => {
    expect(Object.values(workerEntries).sort()).toEqual(workerFiles().sort());
  });

  it.each(Object.keys(workerEntries))('out/main/%s.js is built, and the files it requires are beside it', (name) => {
    expect(
      fs.existsSync(path.join(outMain, 'cli.js')),
      'out/main/cli.js: run `npx electron-vite build` first (npm test does)',
    ).toBe(true);
    const built = path.join(outMain, `${name}.js`);
    expect(fs.existsSync(built), `${built} is missing from the build`).toBe(true);
    const required = [...fs.readFileSync(built, 'utf8').matchAll(/require\("(\.\/[^"]+)"\)/g)].map((m) => m[1]!);
    for (const file of required)
      expect(fs.existsSync(path.join(outMain, file)), `${name}.js requires ${file}`).toBe(true);
  });
});
