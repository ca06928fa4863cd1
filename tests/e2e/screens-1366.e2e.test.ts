// Every screen of every role at 1366×768, the usual school monitor: nothing pushes the page sideways or spills out
// of its box unless it sits in a scroll container made for it, and no text is cut with «…». Each screen is saved
// into test-results/screens/ for a person to look at.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserHarness } from '../helpers/browser';
import { saveShot } from '../helpers/screenshots';

interface Layout {
  /** How far the page scrolls sideways. */
  page: number;
  /** Boxes whose content spills out of them (overflow visible), deepest first. */
  spills: string[];
  /** Text cut with an ellipsis, and input values wider than their field. */
  clipped: string[];
}

/** Measured in the page: see `Layout`. */
function measure(): Layout {
  const name = (el: Element) => {
    const id = el.getAttribute('data-testid');
    const cls =
      typeof el.className === 'string' ? el.className.split(' ').filter((c) => c && !c.startsWith('m_'))[0] : '';
    const text = (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')).trim().slice(0, 50);
    return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls ? `.${cls}` : ''} «${text}»`;
  };
  // A visually hidden heading (1 px, clipped) is for screen readers and spills by design.
  const visible = (el: HTMLElement) => el.offsetParent !== null && el.clientWidth > 1;
  const content = document.querySelector('.zh-content');
  const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  // Inside a scroll container made for it (a wide table's), content may be as wide as it needs.
  const inScroller = (el: Element) => {
    for (let p = el.parentElement; p && p !== content; p = p.parentElement) if (scrolls(p)) return true;
    return false;
  };
  const spilled: HTMLElement[] = [];
  for (const el of content ? content.querySelectorAll<HTMLElement>('*') : []) {
    if (!visible(el) || el instanceof HTMLInputElement) continue;
    if (getComputedStyle(el).overflowX !== 'visible' || inScroller(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1) spilled.push(el);
  }
  const clipped: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    if (!visible(el)) continue;
    const ellipsis = getComputedStyle(el).textOverflow === 'ellipsis';
    const field = el instanceof HTMLInputElement && ['text', 'search', ''].includes(el.type) && el.value !== '';
    if ((ellipsis || field) && el.scrollWidth > el.clientWidth + 1) clipped.push(name(el));
  }
  const root = document.scrollingElement!;
  return {
    page: root.scrollWidth - root.clientWidth,
    spills: spilled.filter((el) => !spilled.some((o) => o !== el && el.contains(o))).map(name),
    clipped,
  };
}

/** Waits until the screen has loaded: no loader left in the content. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.zh-content .mantine-Loader-root, .zh-content [aria-label="Загрузка"]').count(), {
      timeout: 20_000,
    })
    .toBe(0);
}

describe('every screen at 1366×768', () => {
  const h = browserHarness('2026-11-24');
  const problems: string[] = [];

  async function check(label: string) {
    await settled(h.page);
    await saveShot(h.page, `1366-${label}`);
    const layout = await h.page.evaluate(measure);
    if (layout.page > 0) problems.push(`${label}: the page scrolls sideways by ${layout.page}px`);
    for (const s of layout.spills) problems.push(`${label}: spills out of its box: ${s}`);
    for (const c of layout.clipped) problems.push(`${label}: text cut: ${c}`);
  }

  async function visitAll(login: string) {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn(login);
    const sections = await page
      .getByTestId('navigation')
      .locator('[data-testid^="nav-"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')!.slice(4)));
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) {
      await page.getByTestId(`nav-${section}`).click();
      await check(`${login}-${section}`);
      if (section === 'print') {
        // The class picker with its longest label («10А — teacher's name»): cut at 1366 px before.
        await page.getByRole('textbox', { name: 'Класс' }).click();
        const labels = await page.getByRole('option').allInnerTexts();
        const longest = labels.reduce((a, b) => (b.length > a.length ? b : a));
        await page.getByRole('option', { name: longest, exact: true }).click();
        await check(`${login}-print-class`);
      }
      if (section === 'admin') {
        const tabs = await page
          .getByTestId('admin-pages')
          .locator('[data-testid^="admin-tab-"]')
          .evaluateAll((t) => t.map((x) => x.getAttribute('data-testid')!.slice(10)));
        for (const tab of tabs.slice(1)) {
          await page.getByTestId(`admin-tab-${tab}`).click();
          await check(`${login}-admin-${tab}`);
        }
      }
      if (section === 'reports' && login === 'zavuch') {
        const reports = await page
          .getByTestId('report-list')
          .locator('[data-testid^="report-"]')
          .evaluateAll((r) => r.map((x) => x.getAttribute('data-testid')!.slice(7)));
        for (const report of reports.slice(1)) {
          await page.getByTestId(`report-${report}`).click();
          await check(`${login}-report-${report}`);
        }
      }
    }
    return sections;
  }

  for (const login of ['admin', 'zavuch', 'director', 'secretary', 'uchitel']) {
    it(`${login}: every screen fits or scrolls on purpose`, { timeout: 300_000 }, async () => {
      problems.length = 0;
      await visitAll(login);
      expect(problems).toEqual([]);
    });
  }

  it('klruk: the class teacher’s week keeps «Уроков» and «Дней» in sight', { timeout: 300_000 }, async () => {
    problems.length = 0;
    const sections = await visitAll('klruk');
    expect(sections).toContain('attendance');
    await h.page.getByTestId('nav-attendance').click();
    await h.page.getByTestId('attendance-week').waitFor();
    const box = await h.page.locator('.att-scroll').boundingBox();
    const days = await h.page.getByRole('columnheader', { name: 'Дней' }).boundingBox();
    expect(days!.x + days!.width).toBeLessThanOrEqual(box!.x + box!.width);
    expect(problems).toEqual([]);
  });

  it('marks a substitution in the journal’s header with a bar under the date, not a letter beside it', async () => {
    const { page } = h;
    const sub = h.core.db.$client
      .prepare(
        `select l.id, l.assignment_id as assignmentId from lessons l join assignments a on a.id = l.assignment_id
         where l.given_by_id <> a.teacher_id and l.date <= '2026-11-24' order by l.date desc limit 1`,
      )
      .get() as { id: number; assignmentId: number };
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('zavuch');
    await page.goto(`${page.url().split('#')[0]}#/journal?assignment=${sub.assignmentId}&lesson=${sub.id}`);
    const header = page.getByTestId(`lesson-${sub.id}`);
    await header.waitFor({ timeout: 15_000 });
    expect(await header.innerText()).toMatch(/^\d{1,2}$/);
    const mark = header.getByTestId('substitution-mark');
    expect(await mark.getAttribute('aria-label')).toBe('замена');
    const [bar, cell] = [await mark.boundingBox(), await header.boundingBox()];
    expect(bar!.y).toBeGreaterThan(cell!.y + cell!.height / 2);
    await saveShot(page, '1366-journal-substitution');
  });
});
