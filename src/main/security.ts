import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

const strictPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * The Content-Security-Policy of every page the app shows: sent by its own origin (app-protocol.ts) and added by
 * main to http(s) responses (the dev server, whose React refresh preamble is an inline script and whose hot
 * reload talks over a websocket: only those two are loosened, and only in dev).
 */
export function contentSecurityPolicy(dev: boolean): string {
  const rules = dev
    ? strictPolicy.map((rule) =>
        rule.startsWith('script-src')
          ? `${rule} 'unsafe-inline'`
          : rule.startsWith('connect-src')
            ? `${rule} ws://localhost:* ws://127.0.0.1:*`
            : rule,
      )
    : strictPolicy;
  return rules.join('; ');
}

/**
 * What a page of the app may load: its own origin's files, inline data, and in development the dev server.
 * Not file://: no local file, not even one of the app's own, is loaded except through app://.
 */
export function mayLoad(url: string, devServerOrigin: string | null): boolean {
  if (/^(data|blob|devtools|chrome-extension):/i.test(url)) return true;
  if (isAppUrl(url)) return true;
  try {
    // The dev server's page, scripts and its hot-reload websocket: same host and port, http or ws.
    return devServerOrigin !== null && new URL(url).host === new URL(devServerOrigin).host;
  } catch {
    return false;
  }
}

/**
 * CSP on every http(s) response, no permission (camera, notifications, geolocation, USB, HID…) for anyone,
 * and no remote content: a request to any other origin is cancelled before it leaves the computer, so even
 * a script that slipped past the CSP can neither load code nor send a child's data anywhere.
 */
export function hardenSession(session: Session, options: { dev: boolean; devServerOrigin?: string | null }): void {
  const devOrigin = options.dev ? (options.devServerOrigin ?? null) : null;
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
    callback({ cancel: !mayLoad(details.url, devOrigin) }),
  );
  const policy = contentSecurityPolicy(options.dev);
  session.webRequest.onHeadersReceived({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * For every webContents the app ever creates (the window, devtools, anything a bug might open): no
 * navigation off the app's page, no new windows, no webviews. Wired on app 'web-contents-created', so it
 * does not depend on each window remembering to do it.
 */
export function guardContents(contents: WebContents, isOwn: (url: string) => boolean): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isOwn(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', (event) => stayHome(event, event.url));
  // No second window and no link opening a browser from inside the journal: nothing in it needs one.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
