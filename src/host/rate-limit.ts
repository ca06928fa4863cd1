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
