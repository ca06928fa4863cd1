// `npm test`: type-check, lint and check the formatting, build the app (the end-to-end tests drive the built renderer), then every vitest test:
// the core against real SQLite files, the main-process wiring, the CLI, and the browser tests in Chromium.
import { execSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium };
const run = (cmd) => execSync(cmd, { stdio: 'inherit', env });

try {
  run('npx tsc --noEmit -p tsconfig.json');
  run('npx eslint .');
  run('npx prettier --check .');
  run('npx electron-vite build');
  run(`npx vitest run ${process.argv.slice(2).join(' ')}`);
} catch (e) {
  process.exit(typeof e.status === 'number' && e.status !== 0 ? e.status : 1);
}
