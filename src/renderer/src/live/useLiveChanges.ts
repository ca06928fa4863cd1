import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from '../../../shared/live';
import { subscribeChanges } from '../api/changes';
import { connection } from '../api/connection';
import { streamUnreachable } from '../api/invoke';
import { meKey } from '../api/queries';
import { everything, invalidationsOfAll } from './invalidations';

/** Changes arriving together (a pasted column) are asked for once. */
const gatherMs = 100;

/**
 * Keeps what is on screen current with what other computers save: each change the server names makes the
 * screens showing it ask again. Not while this screen's own saves are under way, so a refetch never shows a
 * cell without the value just typed; after a lost connection, everything on screen is asked once.
 */
export function useLiveChanges(): void {
  const client = useQueryClient();
  useEffect(() => {
    let pending: ChangeEvent[] = [];
    let missed = false;
    let lost = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let waiting = false;

    const flush = () => {
      timer = null;
      if (client.isMutating() > 0) {
        waiting = true;
        return;
      }
      waiting = false;
      const todo = missed ? [everything] : invalidationsOfAll(pending);
      pending = [];
      missed = false;
      for (const { filters } of todo) void client.invalidateQueries(filters);
    };
    const schedule = () => {
      timer ??= setTimeout(flush, gatherMs);
    };
    const unwatch = client.getMutationCache().subscribe(() => {
      if (waiting && client.isMutating() === 0) flush();
    });
    const unsubscribe = subscribeChanges((message) => {
      if (message.type === 'change') {
        pending.push(message.event);
        schedule();
      } else if (message.type === 'lost') {
        lost = true;
        if (message.unreachable) streamUnreachable();
      } else if (message.type === 'open') {
        connection.reached();
        if (!lost) return;
        lost = false;
        missed = true;
        schedule();
      } else if (message.type === 'end') {
        // The session ended or locked on the server: asking who is logged in shows the login or lock screen.
        void client.invalidateQueries({ queryKey: meKey });
      }
    });
    return () => {
      unsubscribe();
      unwatch();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
}
