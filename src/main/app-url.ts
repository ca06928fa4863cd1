import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  /** out/renderer/index.html */
  rendererFile: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const samePath = (a: string, b: string) =>
  process.platform === 'win32'
    ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase()
    : path.resolve(a) === path.resolve(b);

export function appLocation(options: AppLocationOptions): AppLocation {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null;
  if (dev) {
    // The dev server serves the single-page app on every path of its origin.
    return { startUrl: dev.href, devOrigin: dev.origin, isOwn: (url) => parse(url)?.origin === dev.origin };
  }
  const startUrl = pathToFileURL(options.rendererFile).href;
  return {
    startUrl,
    devOrigin: null,
    // Only the one file: any other file:// page (a downloaded HTML, say) is not the app.
    // Query and hash are the router's business, so they are not compared.
    isOwn(url) {
      const parsed = parse(url);
      if (parsed?.protocol !== 'file:' || parsed.host !== '') return false;
      try {
        return samePath(fileURLToPath(parsed), options.rendererFile);
      } catch {
        return false;
      }
    },
  };
}
