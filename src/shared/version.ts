import { version } from '../../package.json';

/**
 * The release of this build, and the contract it speaks: a client and a server of different releases refuse
 * each other, because a channel may have changed its input or output between them and a call that half-works
 * (a mark saved without its comment, a field silently dropped) is worse than a clear refusal.
 */
export const appVersion: string = version;

/** Sent by every client with each call, and by the server with each answer. */
export const versionHeader = 'x-zhurnal-version';

function compare(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The Russian refusal shown on the client's computer, naming the one to update; null when the versions agree. */
export function versionRefusal(here: string, server: string): string | null {
  if (here === server) return null;
  const update =
    compare(here, server) < 0
      ? 'обновите Журнал на этом компьютере'
      : 'обновите Журнал на сервере (компьютере, где хранится журнал)';
  return `На этом компьютере Журнал версии ${here}, на сервере ${server}: ${update}.`;
}
