import { defineConfig } from 'vitest/config';

// `npm run test:desktop` only: the app in Electron, one file at a time (each test starts the app).
export default defineConfig({
  test: {
    include: ['tests/desktop/**/*.desktop.ts'],
    environment: 'node',
    testTimeout: 180_000,
    fileParallelism: false,
    expect: { poll: { timeout: 30_000 } },
  },
});
