// Every screen of every role through axe-core (WCAG 2 A and AA): no critical or serious violation, and a
// first-level heading naming the screen. The violations found are printed, rule by rule, so a failure says what.
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { axeViolations, describeViolations } from '../helpers/axe';
import { screenshot } from '../helpers/screenshot';

const roles = ['uchitel', 'klruk', 'zavuch', 'secretary', 'admin'] as const;

describe('accessibility of every screen', () => {
  const h = browserHarness('2026-11-24');

  /** Waits until the screen has settled (no loader spinning), then notes its headings and axe's findings. */
  async function check(where: string, problems: string[]) {
    await h.page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 15_000 });
    const headings = await h.page.locator('h1').allInnerTexts();
    if (headings.length !== 1) problems.push(`${where}: ${headings.length} h1 headings (${headings.join(' | ')})`);
    problems.push(...describeViolations(where, await axeViolations(h.page)));
  }

  it('the login screen', async () => {
    const problems: string[] = [];
    await h.page.setViewportSize({ width: 1366, height: 768 });
    await check('вход', problems);
    if (problems.length) console.log(problems.join('\n'));
    expect(problems).toEqual([]);
  });

  for (const login of roles)
    it(`every screen of ${login}`, async () => {
      const { page } = h;
      await page.setViewportSize({ width: 1366, height: 768 });
      await h.logIn(login);
      const problems: string[] = [];
      const sections = await page
        .getByTestId('navigation')
        .locator('[data-testid^="nav-"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')!));
      for (const nav of sections) {
        await page.getByTestId(nav).click();
        const where = `${login} · ${nav.slice(4)}`;
        await check(where, problems);
        const tabs = await page
          .locator('[data-testid^="admin-tab-"]')
          .evaluateAll((ts) => ts.map((t) => t.getAttribute('data-testid')!));
        for (const tab of tabs.slice(1)) {
          await page.getByTestId(tab).click();
          await check(`${where} · ${tab.slice(10)}`, problems);
        }
      }
      await screenshot(page, `a11y-${login}`);
      if (problems.length) console.log(problems.join('\n'));
      expect(problems).toEqual([]);
    });
});
