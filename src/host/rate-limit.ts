/**
 * API calls as token buckets, one per key: `burst` calls at once (a pasted column of marks is a few dozen),
 * then `perSecond`. Far above what a person at a keyboard does; it stops a script hammering the host shell
 * and the database. Buckets that have filled up again are forgotten, so keys a client makes up cost nothing.
 */
export function createRateLimiter({ burst = 300, perSecond = 30, now = () => Date.now() } = {}) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, t: number) =>
    Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
  let sincePrune = 0;
  function prune(t: number) {
    for (const [key, bucket] of buckets) if (refill(bucket, t) >= burst) buckets.delete(key);
  }
  return {
    /** Takes one call; returns 0 when allowed, else the milliseconds until the next one would be. */
    take(key: string): number {
      const t = now();
      if (++sincePrune >= 1000) {
        sincePrune = 0;
        prune(t);
      }
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = refill(bucket, t);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
      bucket.tokens -= 1;
      return 0;
    },
    /** Keys held now (for tests: made-up keys must not pile up). */
    size: () => buckets.size,
  };
}

/** How many people one address may stand for: a lab or a terminal server behind one NAT address. */
export const peoplePerAddress = 40;

/** How many computers one person may have the journal open on at once (the staffroom, her classroom, home). */
export const sessionsPerAccount = 4;

/**
 * The limits of the API: each session (or, before login, each address) gets the full per-client rate; an
 * account as a whole gets that for each of its few sessions, so a script that logs in again and again to get
 * fresh sessions is held to its account's rate; an address as a whole gets that many times more, so a lab of 40
 * behind one NAT address works as 40 computers, while one script behind one address is still held to the
 * per-address ceiling whatever cookies it makes up.
 */
export function createCallLimits(
  perClient: { burst: number; perSecond: number } = { burst: 300, perSecond: 30 },
  now = () => Date.now(),
) {
  const times = (n: number) => ({ burst: perClient.burst * n, perSecond: perClient.perSecond * n, now });
  const clients = createRateLimiter({ ...perClient, now });
  const accounts = createRateLimiter(times(sessionsPerAccount));
  const addresses = createRateLimiter(times(peoplePerAddress));
  return {
    /** `account`: the user whose live session `session` is, null for none (then the session is a made-up one). */
    take(address: string, session: string | null, account: number | null = null): number {
      return Math.max(
        clients.take(session ? `${address} ${session}` : address),
        account === null ? 0 : accounts.take(String(account)),
        addresses.take(address),
      );
    },
    size: () => clients.size(),
  };
}
