import type { Session } from 'electron';

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
 * The Content-Security-Policy main adds to http(s) responses. The packaged app loads file:// (no headers;
 * index.html's meta tag covers it), so this mostly guards the dev server, whose React refresh preamble is an
 * inline script and whose hot reload talks over a websocket: only those two are loosened, and only in dev.
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

/** CSP on every http(s) response and no permission (camera, notifications, geolocation…) for anyone. */
export function hardenSession(session: Session, options: { dev: boolean }): void {
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
}
