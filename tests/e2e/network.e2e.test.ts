import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

// «Школьная сеть» in Администрирование: the admin's switch is the `settings` row the host shell reads.
describe('the school network switch in Chromium', () => {
  const h = browserHarness('2026-11-24');
  const dir = tempDir();
  const setting = () =>
    (
      h.core.db.$client.prepare("select value from settings where key = 'host.schoolNetwork'").get() as
        { value: string } | undefined
    )?.value;

  it('is off by default, and the admin turns it on and off again; the cookie is Secure on this computer', async () => {
    const { page } = h;
    await h.logIn('admin');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'zhurnal_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-network').click();
    const toggle = page.getByRole('switch', { name: /Открывать журнал с других компьютеров школы/ });
    // The switch is disabled while the setting loads and while a change is saved: a click then does nothing.
    const enabled = () => expect.poll(() => toggle.isEnabled()).toBe(true);
    await enabled();
    expect(await toggle.isChecked()).toBe(false);
    await expect.poll(() => page.getByText('Журнал открывается только на этом компьютере').count()).toBe(1);
    // Switching the network is a dangerous change: the admin's password again (step-up).
    // The dialog animates in and out: the next step waits until the last one's dialog has gone from the page.
    const confirmWithPassword = async () => {
      await page.getByTestId('step-up-password').fill('demo');
      await page.getByTestId('step-up-confirm').click();
      await page.getByTestId('step-up-password').waitFor({ state: 'detached' });
    };
    await toggle.click({ force: true });
    await confirmWithPassword();
    await expect.poll(setting).toBe('true');
    await expect.poll(() => page.getByText(/Включение действует после перезапуска сервера/).count()).toBe(1);
    await page.screenshot({ path: path.join(dir, 'network.png'), fullPage: true });
    if (process.env.ZHURNAL_SCREENSHOTS)
      fs.copyFileSync(path.join(dir, 'network.png'), path.join(process.env.ZHURNAL_SCREENSHOTS, 'network.png'));
    await enabled();
    await toggle.click({ force: true });
    await confirmWithPassword();
    await expect.poll(setting).toBe('false');
  });

  it('is not shown to a teacher', async () => {
    await h.logIn('uchitel');
    expect(await h.page.getByTestId('nav-admin').count()).toBe(0);
  });
});

// As `zhurnal serve` with «Школьная сеть» on: the admin reads the code and downloads the certificate; a lab
// browser that trusts that certificate (and no other) opens the journal over HTTPS and works.
describe('the school network served over HTTPS, in Chromium', () => {
  const h = browserHarness('2026-11-24', { network: true });

  it('shows the addresses, the connection code and the certificate to download', async () => {
    const { page } = h;
    await h.logIn('admin');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-network').click();
    await expect.poll(() => page.getByTestId('connection-code').textContent()).toBe(h.certificate!.code);
    if (h.networkUrl) expect(await page.getByRole('link', { name: h.networkUrl }).count()).toBe(1);
    // The computers working with the journal now: this browser's, by its address.
    await expect
      .poll(() => page.getByTestId('connected-computers').innerText())
      .toMatch(/Подключено компьютеров сейчас: 1\s+127\.0\.0\.1/);
    fs.mkdirSync('test-results', { recursive: true });
    await page.getByTestId('connected-computers').screenshot({ path: 'test-results/network-connected.png' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-certificate').click(),
    ]);
    expect(download.suggestedFilename()).toBe('zhurnal-school.crt');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(h.certificate!.certPem);
    expect(await page.getByText(/update-ca-certificates/).count()).toBe(1);
    if (process.env.ZHURNAL_SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.ZHURNAL_SCREENSHOTS, 'network-https.png'), fullPage: true });
  });

  it('lets a lab browser log in over HTTPS, with a Secure session cookie', async (context) => {
    if (!h.networkUrl) return context.skip('this computer has no LAN address to reach itself by');
    const { page } = h;
    await page.goto(h.networkUrl);
    await h.logIn('uchitel');
    const cookies = await page.context().cookies(h.networkUrl);
    expect(cookies.find((c) => c.name === 'zhurnal_session')).toMatchObject({ httpOnly: true, secure: true });
  });
});
