import { useCallback, useMemo, useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const hash = () => window.location.hash.replace(/^#\/?/, '');

/** The section named in the URL hash (`#/journal?lesson=5` → 'journal'), so a reload stays on the same screen. */
export function useHashRoute(): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribe, () => hash().split('?')[0] ?? '');
  const navigate = useCallback((next: string) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}

/** The parameters after the section (`#/journal?assignment=3&period=2`): what a link opened. */
export function useHashParams(): URLSearchParams {
  const query = useSyncExternalStore(subscribe, () => hash().split('?')[1] ?? '');
  return useMemo(() => new URLSearchParams(query), [query]);
}
