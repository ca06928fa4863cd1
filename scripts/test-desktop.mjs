// `npm run test:desktop`: the built app started in Electron by Playwright (tests/desktop). Where the Electron
// binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD, or no internet at install), it says so and skips.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });

let electron = '';
try {
  electron = require('electron');
} catch {
  // The electron package throws when its binary was never downloaded.
}
if (!electron || !fs.existsSync(electron)) {
  console.log(
    'test:desktop пропущен: на этом компьютере нет исполняемого файла Electron (он не скачан при установке, например ' +
      'из-за ELECTRON_SKIP_BINARY_DOWNLOAD=1 или без интернета). Установите зависимости с доступом в интернет: ' +
      'npm ci, затем npm run test:desktop.',
  );
  process.exit(0);
}

const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const prebuild = path.join(path.dirname(require.resolve('prebuild-install/package.json')), 'bin.js');

run('npx', ['electron-vite', 'build']);
// The tests run better-sqlite3 under Node; Electron's main process needs it built for Electron's ABI. The
// prebuilt binary is fetched for the test and the Node one restored afterwards.
run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion], { cwd: sqliteDir });
let status = 0;
try {
  run('npx', ['vitest', 'run', '--config', 'vitest.desktop.config.ts'], {
    env: { ...process.env, ZHURNAL_ELECTRON: electron },
  });
} catch (error) {
  status = typeof error.status === 'number' && error.status !== 0 ? error.status : 1;
} finally {
  run('npm', ['rebuild', 'better-sqlite3']);
}
process.exit(status);
