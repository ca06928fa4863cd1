import { useCallback, useMemo, useSyncExternalStore } from 'react';

// The address keeps the place: `#/section/part/part?name=value`. Reload, back/forward and a shared link all
// come back to the same class, subject, period or tab; every screen reads its state from here.

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
};

const hash = () => window.location.hash.replace(/^#\/?/, '');
const pathPart = () => hash().split('?')[0] ?? '';
const queryPart = () => hash().split('?')[1] ?? '';

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The address for a section, its path parts and parameters (empty values left out). */
export function hashOf(section: string, parts: readonly string[] = [], params: Record<string, string | null> = {}) {
  const path = [section, ...parts.map((p) => encodeURIComponent(p))].join('/');
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== '') query.set(k, v);
  const q = query.toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}

/**
 * Goes to an address. `replace` corrects the address without a new history step (an old-style link
 * rewritten, a default filled in), so Back does not return to a place that only redirects forward again.
 */
export function goTo(next: string, options: { replace?: boolean } = {}) {
  const target = next.startsWith('#') ? next : `#/${next}`;
  if (target === window.location.hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = target;
}

/** The section the address names now (outside React: an effect checks the address has not moved on). */
export const currentSection = () => pathPart().split('/')[0] ?? '';

/** The section named in the URL hash (`#/journal/5А?lesson=5` → 'journal'), so a reload stays on the same screen. */
export function useHashRoute(): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribe, () => pathPart().split('/')[0] ?? '');
  const navigate = useCallback((next: string) => goTo(next), []);
  return [route, navigate];
}

/** The path parts after the section (`#/journal/8А/алгебра/2-четверть` → ['8А', 'алгебра', '2-четверть']), decoded. */
export function useHashPath(): string[] {
  const path = useSyncExternalStore(subscribe, pathPart);
  return useMemo(() => path.split('/').slice(1).filter(Boolean).map(decode), [path]);
}

/** The parameters after the section (`#/journal?assignment=3&period=2`): what a link opened. */
export function useHashParams(): URLSearchParams {
  const query = useSyncExternalStore(subscribe, queryPart);
  return useMemo(() => new URLSearchParams(query), [query]);
}

/** One parameter of the current address as a screen's state: setting it adds a history step (Back returns). */
export function useHashParam(name: string): [string | null, (value: string | null) => void] {
  const params = useHashParams();
  const set = useCallback(
    (value: string | null) => {
      const next = new URLSearchParams(queryPart());
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
      const q = next.toString();
      goTo(`#/${pathPart()}${q ? `?${q}` : ''}`);
    },
    [name],
  );
  return [params.get(name), set];
}

/** A name as an address part: «Русский язык (1 группа)» → «русский-язык-1-группа». */
export const slug = (name: string) =>
  name
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
