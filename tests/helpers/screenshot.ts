import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * A screenshot of what the user sees, for the test's output: written to test-results/ (or to
 * $ZHURNAL_SCREENSHOTS, where the README's pictures are collected) and its path printed.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const dir = process.env.ZHURNAL_SCREENSHOTS ?? path.resolve('test-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  console.log(`screenshot: ${file}`);
  return file;
}
