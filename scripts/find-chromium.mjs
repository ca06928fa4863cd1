// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then the usual Debian/Ubuntu places. When none is
// found and we are root on Debian, installs Debian's `chromium` package; otherwise stops with a clear message.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

function found() {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  }
  return candidates.find((p) => fs.existsSync(p));
}

export function findChromium() {
  let path = found();
  if (path) return path;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync('/etc/debian_version')) {
    console.log('Chromium not found: installing Debian package «chromium»…');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    path = found();
    if (path) return path;
  }
  console.error(
    'Chromium не найден. Установите его (Debian/Ubuntu: sudo apt-get install chromium) или укажите путь в CHROMIUM_PATH.\n' +
      'Chromium not found: install it (sudo apt-get install chromium) or set CHROMIUM_PATH.',
  );
  process.exit(2);
}
