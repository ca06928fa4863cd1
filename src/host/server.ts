import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Dispatch } from '../core/api/dispatch';
import type { Result } from '../shared/errors';
import { bodyLimit } from 'hono/body-limit';
import { acceptedHostName, isLoopback, sameOrigin } from './guard';
import { createCallLimits } from './rate-limit';
import { appVersion, versionHeader, versionRefusal } from '../shared/version';
import type { EventStreams } from './events';
import { computerHeader } from '../shared/computer';
import { computerOf } from './computer';

export const sessionCookie = 'zhurnal_session';

// The renderer is self-contained: scripts, styles and fonts from this origin only.
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (electron-vite's out/renderer); absent when only the API is served. */
  rendererDir?: string;
  /** Address of the calling client, given by the node adapter. */
  clientAddress?(c: unknown): string;
  /** Whether the call came over TLS, from the socket (a request's absolute URL could claim either). */
  encrypted?(c: unknown): boolean;
  /** «Школьная сеть» as the admin set it, read on every request; off (this computer only) when absent. */
  schoolNetwork?(): boolean;
  /** Host names besides digits, localhost and this computer's name that the server answers to. */
  hostNames?: readonly string[];
  /** API calls per session, or per address before login; an address as a whole gets more (see createCallLimits). */
  rateLimit?: { burst: number; perSecond: number; /** The limits' clock (tests hold it still). */ now?: () => number };
  /** `GET /api/events`, each session's change stream (events.ts); absent: no live changes are served. */
  events?: EventStreams;
}

// The largest legitimate call is a 10 MB thematic plan file as base64.
const maxBodyBytes = 16 * 1024 * 1024;
// Without a session only logging in and the setup wizard are open, and none of their calls comes near this.
const maxAnonymousBodyBytes = 64 * 1024;

const fail = (kind: string, message: string): Result<never> => ({
  ok: false,
  error: { kind: kind as 'validation', message },
});

/** The contract over HTTP: `POST /api/<channel>` with a JSON body, the session in an HttpOnly cookie. */
export function createHostApp(options: HostOptions): Hono {
  const app = new Hono();
  // Whose live session each call's cookie is (null: none), read once before the call's limits apply.
  const accounts = new WeakMap<Request, number | null>();
  const calls = createCallLimits(options.rateLimit, options.rateLimit?.now);
  const clientOf = (c: Parameters<NonNullable<HostOptions['clientAddress']>>[0]) =>
    options.clientAddress?.(c) ?? 'unknown';

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
  });

  // Before anything is served: other computers only when the admin switched «Школьная сеть» on, and only
  // under a name this server really has.
  app.use('*', async (c, next) => {
    const api = c.req.path.startsWith('/api/');
    const refuse = (message: string) => (api ? c.json(fail('forbidden', message), 403) : c.text(message, 403));
    const client = clientOf(c);
    if (!isLoopback(client) && !options.schoolNetwork?.()) {
      return refuse(
        'Журнал открыт только на компьютере, где он запущен: доступ из школьной сети выключен администратором.',
      );
    }
    if (!acceptedHostName(c.req.header('host') ?? '', options.hostNames))
      return refuse('Неизвестный адрес сервера Журнала.');
    return next();
  });

  // A client of another release is refused before anything runs, rather than half-working. Tools that send no
  // version (curl, scripts) speak whatever they were written for.
  app.use('/api/*', async (c, next) => {
    c.header(versionHeader, appVersion);
    const theirs = c.req.header(versionHeader);
    const refusal = theirs === undefined ? null : versionRefusal(theirs, appVersion);
    return refusal ? c.json(fail('conflict', refusal), 409) : next();
  });

  app.use('/api/*', async (c, next) => {
    const session = getCookie(c, sessionCookie) ?? null;
    const account = options.dispatch.sessionOwner?.(session) ?? null;
    accounts.set(c.req.raw, account);
    const wait = calls.take(clientOf(c), session, account);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return c.json(fail('forbidden', 'Слишком много запросов: подождите несколько секунд.'), 429);
    }
    return next();
  });
  // Checked on the declared length before anything is read, and on the bytes as they come when none is declared.
  const tooLarge = { onError: (c: Context) => c.json(fail('validation', 'Слишком большой запрос'), 413) };
  const withSession = bodyLimit({ maxSize: maxBodyBytes, ...tooLarge });
  const anonymous = bodyLimit({ maxSize: maxAnonymousBodyBytes, ...tooLarge });
  app.use('/api/*', (c, next) => (accounts.get(c.req.raw) == null ? anonymous(c, next) : withSession(c, next)));

  options.events?.mount(app, {
    cookie: sessionCookie,
    clientOf,
    refuse: (c, kind, message, status) => c.json(fail(kind, message), status),
  });

  app.post('/api/:channel', async (c) => {
    // A cross-site form cannot send JSON, and a cross-site fetch of JSON needs a preflight we never grant.
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return c.json(fail('validation', 'Запрос должен быть в формате JSON'), 415);
    }
    const scheme = options.encrypted
      ? options.encrypted(c)
        ? 'https'
        : 'http'
      : new URL(c.req.url).protocol.replace(':', '');
    if (
      !sameOrigin(
        { origin: c.req.header('origin'), host: c.req.header('host'), fetchSite: c.req.header('sec-fetch-site') },
        scheme,
      )
    ) {
      return c.json(fail('forbidden', 'Запрос пришёл с другого сайта и отклонён.'), 403);
    }
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json(fail('validation', 'Тело запроса не является корректным JSON'), 400);
    }
    const channel = c.req.param('channel');
    const client = clientOf(c);
    // Secure where the browser allows it: over HTTPS, and on this computer (localhost is a secure context).
    const secure = scheme === 'https' || isLoopback(client);
    const result = await options.dispatch(channel, input, {
      sessionToken: getCookie(c, sessionCookie) ?? null,
      client: `${scheme} ${client}`,
      computer: computerOf(client, c.req.header(computerHeader)),
      // Aborted when the browser goes away before the answer: a report or a book it will never get is not made.
      signal: c.req.raw.signal,
      setSession: (token) => {
        if (token) setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
        else deleteCookie(c, sessionCookie, { path: '/' });
      },
    });
    // A source told to wait (growing delays after wrong passwords) gets HTTP's own way of saying so too.
    const retryAfterMs = result.ok
      ? undefined
      : (result.error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs;
    if (retryAfterMs !== undefined) {
      c.header('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
      return c.json(result, 429);
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
    app.get('*', (c) =>
      fs.existsSync(index)
        ? c.html(fs.readFileSync(index, 'utf8'))
        : c.text('Интерфейс не собран: выполните npm run build', 503),
    );
  }
  return app;
}
