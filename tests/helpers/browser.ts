// The renderer end to end: the built UI (out/renderer) served by the host shell over a small demo school (or an
// empty database), driven in system Chromium with the browser's clock fixed to the demo's today.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, type Core } from '../../src/core/app';
import { generateDemoSchool } from '../../src/core/demo';
import { startHost, type StartedHost } from '../../src/host/start';
import { loadOrCreateCertificate, tlsDirFor, type ServerCertificate } from '../../src/host/tls/certificate';
import { networkAddresses } from '../../src/host/tls/names';
import { servedNetwork } from '../../src/host/tls/served';
import { spkiPin } from './pinned-client';

const rendererDir = path.resolve('out/renderer');

export interface BrowserHarness {
  core: Core;
  page: Page;
  logIn(login: string, password?: string): Promise<void>;
  /** Moves the school's clock and the browser's together (`HH:MM` of the same day): lockouts and idle limits run out. */
  setTime(hhmm: string): Promise<void>;
  /** With `network`: the server's certificate, and its https address on this computer's first LAN address. */
  certificate?: ServerCertificate;
  networkUrl?: string;
  /** A second person's browser on the same server (its own cookies), at the same clock; closed after the test. */
  another(): Promise<Page>;
}

/**
 * Registers the suite's hooks; the returned object's fields are filled in before each test runs. `empty`
 * starts on a database with no school, so the page opens on the first-start screen.
 */
export function browserHarness(
  today: string,
  options: {
    empty?: boolean;
    network?: boolean;
    /** The browser's language, as a computer set up in it. */ locale?: string;
  } = {},
): BrowserHarness {
  const locale = options.locale ?? 'ru-RU';
  let dir = '';
  let host: StartedHost | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let others: BrowserContext[] = [];
  // The core's clock: fixed at 10:00 on `today` for each test unless a test moves it.
  const start = new Date(`${today}T10:00:00`);
  let now = start;
  const harness: BrowserHarness = {
    core: undefined as unknown as Core,
    page: undefined as unknown as Page,
    async setTime(hhmm: string) {
      now = new Date(`${today}T${hhmm}:00`);
      await harness.page.clock.setFixedTime(now);
    },
    async another() {
      const other = await browser!.newContext({ locale, viewport: { width: 1440, height: 900 } });
      others.push(other);
      const page = await other.newPage();
      await page.clock.setFixedTime(now);
      await page.goto(host!.url);
      return page;
    },
    async logIn(login: string, password = 'demo') {
      await harness.page.getByLabel('Логин').fill(login);
      await harness.page.getByLabel('Пароль').fill(password);
      await harness.page.getByRole('button', { name: 'Войти' }).click();
      await harness.page.getByTestId('navigation').waitFor({ timeout: 15_000 });
    },
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error(
        'out/renderer/index.html is missing: build the renderer first (npx electron-vite build, or npm test which builds)',
      );
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-e2e-'));
    const dbFile = path.join(dir, 'demo.db');
    // As `zhurnal serve` with «Школьная сеть» on: every address, HTTPS for other computers (listen.ts).
    const certificate = options.network ? await loadOrCreateCertificate(tlsDirFor(dbFile)) : undefined;
    harness.certificate = certificate;
    harness.core = createCore({
      dbFile,
      migrationsFolder: path.resolve('migrations'),
      clock: { now: () => new Date(now) },
      create: true,
      logError: (e) => console.error(e),
      served: () => servedNetwork(host ?? null, certificate ?? null, '0.0.0.0'),
    });
    if (!options.empty) generateDemoSchool(harness.core.db, { tier: 'small', years: 1, today });
    host = await startHost({
      dispatch: harness.core.dispatch,
      live: harness.core.live,
      rendererDir,
      port: 0,
      ...(certificate ? { host: '0.0.0.0', tls: certificate, schoolNetwork: () => true } : {}),
    });
    const lan = networkAddresses().find((a) => !a.includes(':'));
    if (certificate && lan) harness.networkUrl = `https://${lan}:${host.port}/`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--lang=${locale}`,
        // A lab browser that trusts the server's own certificate, and no other one.
        ...(certificate ? [`--ignore-certificate-errors-spki-list=${spkiPin(certificate.certPem)}`] : []),
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    harness.core?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    now = start;
    context = await browser!.newContext({ locale, viewport: { width: 1440, height: 900 } });
    harness.page = await context.newPage();
    await harness.page.clock.setFixedTime(start);
    await harness.page.goto(host!.url);
  });

  afterEach(async () => {
    for (const other of others) await other.close();
    others = [];
    await context?.close();
  });

  return harness;
}
