// `npm run dist [-- --win|--linux]`: build the app, then the installers with electron-builder from packaging/.
// electron-builder 26 needs Node >= 22.12 while the app and its tests run on Node 20, so it lives in its own
// package (packaging/package.json, own lock file) that only a packaging machine installs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Сборка установщиков требует Node.js 22.12 или новее (electron-builder 26), а здесь ${process.versions.node}. ` +
      'Приложение и тесты работают и на Node.js 20; для сборки установите Node.js 22.',
  );
  process.exit(1);
}

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });
const builder = path.join(
  'packaging',
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
);
if (!fs.existsSync(builder)) run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: 'packaging' });

run('npx', ['electron-vite', 'build']);
try {
  run(builder, ['--projectDir', '.', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
} finally {
  // electron-builder rebuilt better-sqlite3 for Electron; the CLI and the tests need it built for Node again.
  run('npm', ['rebuild', 'better-sqlite3']);
}
