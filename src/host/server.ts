import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Dispatch } from '../core/api/dispatch';
import type { Result } from '../shared/errors';
import { createLoginLimiter } from './rate-limit';

export const sessionCookie = 'zhurnal_session';

// The renderer is self-contained: scripts, styles and fonts from this origin only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (electron-vite's out/renderer); absent when only the API is served. */
  rendererDir?: string;
  /** Address of the calling client, given by the node adapter. */
  clientAddress?(c: unknown): string;
}

const fail = (kind: string, message: string): Result<never> => ({ ok: false, error: { kind: kind as 'validation', message } });

/** The contract over HTTP: `POST /api/<channel>` with a JSON body, the session in an HttpOnly cookie. */
export function createHostApp(options: HostOptions): Hono {
  const app = new Hono();
  const limiter = createLoginLimiter();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.post('/api/:channel', async (c) => {
    // A cross-site form cannot send JSON, and a cross-site fetch of JSON needs a preflight we never grant.
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return c.json(fail('validation', 'Запрос должен быть в формате JSON'), 415);
    }
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json(fail('validation', 'Тело запроса не является корректным JSON'), 400);
    }
    const channel = c.req.param('channel');
    const client = options.clientAddress?.(c) ?? 'unknown';
    const isLogin = channel === 'auth:login';
    if (isLogin) {
      const wait = limiter.retryAfter(client);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        return c.json(fail('forbidden', `Слишком много неудачных попыток входа. Попробуйте через ${Math.ceil(wait / 60_000)} мин.`), 429);
      }
    }
    const result = await options.dispatch(channel, input, {
      sessionToken: getCookie(c, sessionCookie) ?? null,
      client: `http ${client}`,
      setSession: (token) => {
        if (token) setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        else deleteCookie(c, sessionCookie, { path: '/' });
      },
    });
    if (isLogin) {
      if (result.ok) limiter.succeed(client);
      else if (result.error.kind === 'unauthorized' || result.error.kind === 'locked') limiter.fail(client);
    }
    return c.json(result);
  });

  app.all('/api/*', (c) => c.json(fail('not_found', 'Неизвестный адрес API'), 404));

  const rendererDir = options.rendererDir;
  if (rendererDir) {
    const root = path.relative(process.cwd(), rendererDir) || '.';
    app.use('/*', serveStatic({ root }));
    // Any other path is a screen of the single-page renderer.
    const index = path.join(rendererDir, 'index.html');
    app.get('*', (c) => (fs.existsSync(index) ? c.html(fs.readFileSync(index, 'utf8')) : c.text('Интерфейс не собран: выполните npm run build', 503)));
  }
  return app;
}
