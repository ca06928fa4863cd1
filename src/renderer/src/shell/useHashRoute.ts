import { useCallback, useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The section named in the URL hash (`#/journal` → 'journal'), so a reload stays on the same screen. */
export function useHashRoute(): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#\/?/, ''));
  const navigate = useCallback((next: string) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}
