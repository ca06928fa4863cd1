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
