import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * Runs the standard `age` tool, which reads a passphrase only from a terminal: `script` gives it one. Its
 * input stays open until age exits, because `script` waits two seconds after its input ends.
 */
export function ageTool(args: string[], passphrase: string): Promise<void> {
  if (!installed)
    return Promise.reject(
      new Error('The standard age tool (or `script`) is not installed here; CI installs it with apt (.ci/run)'),
    );
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', ['age', ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    // Twice: `age -p` asks for the passphrase and then to confirm it.
    child.stdin.write(`${passphrase}\n${passphrase}\n`);
    child.on('error', reject);
    child.on('exit', (code) => {
      child.stdin.end();
      if (code === 0) resolve();
      else reject(new Error(`age ${args.join(' ')} exited with ${code}`));
    });
  });
}

/** What `age -d` makes of a file. It creates its output only once it writes a byte, so none means empty. */
export async function ageDecrypted(file: string, passphrase: string, out = `${file}.by-age`): Promise<Buffer> {
  await ageTool(['-d', '-o', out, file], passphrase);
  return fs.existsSync(out) ? fs.readFileSync(out) : Buffer.alloc(0);
}

/**
 * A school key for the tests, made once with `age-keygen`: fixed, so a test that fails can be rerun by hand with
 * `age -d -i`.
 */
export const testKey = {
  identity: 'AGE-SECRET-KEY-1P4AWC5MDAZ7HH4GZHJQT9UYJGVPZGG5AJ0J5V8VLUFXM3Z2ELCPQHN0KX7',
  recipient: 'age1j84j4tjz7nwe9sqsykkeldd3kez46rud8mqzf9969lgkumawa39q28dy5l',
};

/** What `age -d -i key.txt` makes of a file, with the identity written to a key file beside it. */
export function ageDecryptedWithKey(file: string, keyText: string, out = `${file}.by-age`): Buffer {
  if (!installed) throw new Error('The standard age tool is not installed here; CI installs it with apt (.ci/run)');
  const keyFile = `${file}.key.txt`;
  fs.writeFileSync(keyFile, keyText.endsWith('\n') ? keyText : `${keyText}\n`, { mode: 0o600 });
  try {
    execFileSync('age', ['-d', '-i', keyFile, '-o', out, file], { stdio: ['ignore', 'ignore', 'pipe'] });
  } finally {
    fs.rmSync(keyFile, { force: true });
  }
  return fs.existsSync(out) ? fs.readFileSync(out) : Buffer.alloc(0);
}

const installed = (() => {
  try {
    execFileSync('age', ['--version'], { stdio: 'ignore' });
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The tests that run the real age tool are skipped on a machine without it (or without `script`). CI installs
 * it (.ci/run), so there a missing tool fails those tests instead of passing them over in silence.
 */
export const skipWithoutAge = !installed && !process.env.CI;
