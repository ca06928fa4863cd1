import { AppError } from '../../shared/errors';

export interface ThrottleOptions {
  /** Wrong passwords a source may make before it has to wait: enough to lock two accounts (the lockout does that). */
  free: number;
  /** The first wait; each further wrong password doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A source's wrong passwords are forgotten this long after its last one. */
  forgetMs: number;
  now(): number;
}

const defaults: ThrottleOptions = {
  free: 10,
  firstDelayMs: 1000,
  maxDelayMs: 60_000,
  forgetMs: 15 * 60_000,
  now: () => Date.now(),
};

// Sources kept at most: addresses a guesser makes up cost a bounded map.
const maxSources = 10_000;

/**
 * Growing delays per source, whatever account it tries: past `free` wrong passwords, a source waits 1 s, then
 * 2, 4 … 60 s before its next attempt is even checked. The lockout stops guessing one account; this slows one
 * computer trying many accounts. In memory: a restart forgetting it is harmless beside the lockout kept in the database.
 */
export function createThrottle(options: Partial<ThrottleOptions> = {}) {
  const o = { ...defaults, ...options };
  const sources = new Map<string, { wrong: number; lastAt: number; nextAt: number }>();
  const delay = (wrong: number) =>
    wrong < o.free ? 0 : Math.min(o.maxDelayMs, o.firstDelayMs * 2 ** (wrong - o.free));
  const current = (source: string) => {
    const entry = sources.get(source);
    if (entry && o.now() - entry.lastAt > o.forgetMs) {
      sources.delete(source);
      return undefined;
    }
    return entry;
  };

  return {
    /**
     * Takes the source's turn, or refuses it with how long to wait. A source already waiting takes the turn for
     * the whole delay at once, so parallel guesses from it do not slip through together.
     */
    admit(source: string): void {
      const entry = current(source);
      if (!entry || entry.wrong < o.free) return;
      const wait = entry.nextAt - o.now();
      if (wait > 0) {
        throw new AppError(
          'locked',
          `Слишком много неверных паролей с этого компьютера: повторите через ${Math.ceil(wait / 1000)} с.`,
          { retryAfterMs: wait },
        );
      }
      entry.nextAt = o.now() + delay(entry.wrong);
    },
    /** A wrong password from the source; true when it starts to wait from now on (the admin is told once). */
    wrong(source: string): boolean {
      const entry = current(source) ?? { wrong: 0, lastAt: 0, nextAt: 0 };
      entry.wrong += 1;
      entry.lastAt = o.now();
      entry.nextAt = Math.max(entry.nextAt, o.now() + delay(entry.wrong));
      sources.delete(source);
      sources.set(source, entry);
      if (sources.size > maxSources) sources.delete(sources.keys().next().value!);
      return entry.wrong === o.free;
    },
    /**
     * A right password from the source: it is a person who knows one, so a staffroom computer where the last
     * teacher mistyped does not make the next one wait. The lockout still holds each account it guessed at.
     */
    succeed(source: string): void {
      sources.delete(source);
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
