import { appHost, appScheme, appStartUrl } from './app-protocol';

/** Where the renderer comes from, and the test every navigation and IPC sender must pass. */
export interface AppLocation {
  startUrl: string;
  /** The dev server's origin in development, else null: the one http origin the app may load from. */
  devOrigin: string | null;
  isOwn(url: string): boolean;
}

export interface AppLocationOptions {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); honoured only when the app is not packaged. */
  devServerUrl?: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function appLocation(options: AppLocationOptions = {}): AppLocation {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null;
  if (dev) {
    // The dev server serves the single-page app on every path of its origin.
    return { startUrl: dev.href, devOrigin: dev.origin, isOwn: (url) => parse(url)?.origin === dev.origin };
  }
  return {
    startUrl: appStartUrl,
    devOrigin: null,
    // Only the app's page on its own origin (app-protocol.ts): a file:// page, even the same index.html opened
    // from disk, is not the app. Query and hash are the router's business, so they are not compared.
    isOwn(url) {
      const parsed = parse(url);
      return parsed?.protocol === `${appScheme}:` && parsed.host === appHost && parsed.pathname === '/index.html';
    },
  };
}
