import fs from 'node:fs';
import path from 'node:path';

/**
 * The renderer's own origin, `app://zhurnal/`: the window loads the app's files through it rather than from
 * file://, so the page is no longer «any local file», every response carries the strict CSP as a header, and
 * nothing outside the renderer's folder can be named (file:// is then refused altogether by security.ts).
 */
export const appScheme = 'app';
export const appHost = 'zhurnal';
export const appStartUrl = `${appScheme}://${appHost}/index.html`;

/** Registered before the app is ready: a standard, secure origin where ES modules and fetch work as on https. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** A URL of the app's own origin (whatever its path: appFileOf decides which file, if any). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** The file inside the renderer's folder that an app:// URL names; null for another host or anything outside. */
export function appFileOf(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The response for one request of the app's origin: the file with its type and the CSP, or 404. */
export async function appResponse(url: string, rendererDir: string, policy: string): Promise<Response> {
  const file = appFileOf(url, rendererDir);
  const notFound = () =>
    new Response('Не найдено', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!file) return notFound();
  try {
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      headers: {
        'content-type': types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return notFound();
  }
}

/** Electron's protocol module, as far as this file uses it. */
export interface AppProtocolHost {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export function serveAppFiles(protocol: AppProtocolHost, rendererDir: string, policy: string): void {
  protocol.handle(appScheme, (request) => appResponse(request.url, rendererDir, policy));
}
