import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The test output folder (git-ignored): a test's screenshots are kept there for a person to look at. */
export const shotsDir = path.resolve('test-results', 'screens');

/** Saves the page as `test-results/screens/<name>.png` and returns the file's path. */
export async function saveShot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
