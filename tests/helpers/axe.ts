// axe-core in the page: the WCAG 2 A and AA rules, and only what would stop or hurt a user (critical, serious).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** The page's serious and critical WCAG 2 A/AA violations, each with the first elements it found. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // The renderer's Content-Security-Policy refuses an injected <script> (page.addScriptTag), so axe's source is
  // evaluated through the DevTools protocol, which the policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.slice(0, 6).map((n) => ({
          target: n.target.join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 220),
        })),
      }));
  });
}

/** Violations as lines a person can act on: where, which rule, what axe says is wrong. */
export function describeViolations(where: string, found: Violation[]): string[] {
  return found.flatMap((v) => [
    `${where}: ${v.impact} ${v.rule} — ${v.help} (${v.nodes.length}${v.nodes.length === 6 ? '+' : ''} elements)`,
    ...v.nodes.map((n) => `    ${n.target}: ${n.summary}`),
  ]);
}
