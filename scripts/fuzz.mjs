// `npm run fuzz`: the full fuzz run — 1,000 hostile payloads (and 1,000 unknown keys) per channel
// through the dispatcher, 100 per channel over HTTP and over IPC, and 3,000 hostile command lines of the CLI.
// `npm test` runs the same files with fewer (100, 10, 20, 300) to stay quick; this one prints the totals.
import { execSync } from 'node:child_process';

const env = { ...process.env, FUZZ_RUNS: '1000', FUZZ_HTTP_RUNS: '100', FUZZ_IPC_RUNS: '100', CLI_FUZZ_RUNS: '3000' };
const started = Date.now();
try {
  execSync(
    'npx vitest run tests/core/fuzz tests/host/fuzz.test.ts tests/main/ipc-fuzz.test.ts tests/cli/bad-input-fuzz.test.ts',
    { stdio: 'inherit', env },
  );
  console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
} catch (e) {
  process.exit(typeof e.status === 'number' && e.status !== 0 ? e.status : 1);
}
