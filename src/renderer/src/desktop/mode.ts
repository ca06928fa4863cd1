import { useQuery, useQueryClient } from '@tanstack/react-query';
import { desktopChannels, type DesktopMode } from '../../../shared/desktop';
import { invokeChannel } from '../api/invoke';

export const desktopModeKey = [desktopChannels.mode] as const;

/** Which journal the desktop app opened (this computer's, a server's, none yet); null in a browser. */
export function useDesktopMode() {
  return useQuery({
    queryKey: desktopModeKey,
    queryFn: () => invokeChannel(desktopChannels.mode, {}) as Promise<DesktopMode>,
    enabled: window.api !== undefined,
    staleTime: Infinity,
  });
}

/** After switching journals every answer on screen belongs to the old one: all of it is fetched again. */
export function useSwitchedJournal() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}
