import { useQuery, useQueryClient } from '@tanstack/react-query';
import { desktopChannels, type DesktopMode } from '../../../shared/desktop';
import { invokeChannel } from '../api/invoke';
import { setOutboxServer, type OutboxServer } from '../api/outbox';

export const desktopModeKey = [desktopChannels.mode] as const;

/** Whose journal saves typed here belong to: the pinned certificate's, or this computer's own. */
export function outboxServerOf(mode: DesktopMode): OutboxServer | null {
  if (mode.mode === 'local') return { id: 'local', label: 'журнал этого компьютера' };
  if (mode.mode !== 'client' || !mode.server) return null;
  const { fingerprint, address, schoolName } = mode.server;
  return {
    id: fingerprint ? `cert:${fingerprint}` : `address:${address}`,
    label: schoolName ? `${schoolName} (${address})` : address,
  };
}

/** Which journal the desktop app opened (this computer's, a server's, none yet); null in a browser. */
export function useDesktopMode() {
  return useQuery({
    queryKey: desktopModeKey,
    queryFn: async () => {
      const mode = (await invokeChannel(desktopChannels.mode, {})) as DesktopMode;
      // Before any screen can queue a save: the queue is the journal's this window now works with.
      const server = outboxServerOf(mode);
      if (server) setOutboxServer(server);
      return mode;
    },
    enabled: window.api !== undefined,
    staleTime: Infinity,
  });
}

/** After switching journals every answer on screen belongs to the old one: all of it is fetched again. */
export function useSwitchedJournal() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}
