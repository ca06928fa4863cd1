/**
 * Failed logins per client address in a sliding window. In memory on purpose: the host serves one school,
 * and a restart forgetting the counts is harmless next to the guessing it slows down. Each account locks
 * itself for a guessing source after the admin's number of wrong passwords (core/auth/lockout.ts); this limit is against one source trying
 * many logins, so it is higher, and a staffroom computer where one teacher mistyped still lets the next log in.
 */
export function createLoginLimiter({ maxFailures = 20, windowMs = 5 * 60_000, now = () => Date.now() } = {}) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < windowMs);

  return {
    /** Milliseconds until the next attempt is allowed, or 0. */
    retryAfter(key: string): number {
      const times = recent(key);
      failures.set(key, times);
      if (times.length < maxFailures) return 0;
      return windowMs - (now() - (times[0] ?? now()));
    },
    fail(key: string): void {
      failures.set(key, [...recent(key), now()]);
    },
    succeed(key: string): void {
      failures.delete(key);
    },
  };
}

/**
 * All API calls per client address, as a token bucket: `burst` calls at once (a pasted column of marks is a
 * few dozen), then `perSecond`. Far above what a person at a keyboard does; it stops a script hammering the
 * host shell and the database from one computer.
 */
export function createRateLimiter({ burst = 300, perSecond = 30, now = () => Date.now() } = {}) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one call; returns 0 when allowed, else the milliseconds until the next one would be. */
    take(key: string): number {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
      bucket.tokens -= 1;
      return 0;
    },
  };
}
