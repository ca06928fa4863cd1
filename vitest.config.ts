import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores here: the end-to-end files each start Chromium, so keep them from piling up.
    maxWorkers: 2,
    // expect.poll waits for what the page or the database shows; its 1 s default is too short when the two cores
    // are busy (Chromium, SQLite and a full suite at once). A poll that succeeds returns at once.
    expect: { poll: { timeout: 15_000 } },
  },
});
