import { afterEach, beforeEach, vi } from 'vitest';

/** Captures what the CLI writes to stdout and stderr during each test of the file. */
export function capturedOutput(): { out: string; err: string } {
  const captured = { out: '', err: '' };
  beforeEach(() => {
    captured.out = '';
    captured.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((captured.out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((captured.err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
