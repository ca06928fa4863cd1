import { useContext, useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isSaveConflict, type SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { connection } from '../api/connection';
import { outbox } from '../api/outbox';
import { meKey } from '../api/queries';
import { ErrorStoreContext } from '../errors/ErrorStack';
import type { CellValue } from '../journal/grid/cellState';
import { addressOfPlace, cellConflicts } from '../journal/grid/conflicts';

/**
 * Sends the saves kept on this computer as soon as the journal answers and the user who typed them is signed
 * in (also right after a restart), then fetches every screen again; a refused save is shown to that teacher —
 * a conflict on a cell in the cell, with the choice, and every refusal in the corner, named.
 */
export function OutboxSync() {
  const client = useQueryClient();
  const errors = useContext(ErrorStoreContext);
  const state = useSyncExternalStore(connection.subscribe, connection.state);
  const items = useSyncExternalStore(outbox.subscribe, outbox.items);
  const refusals = useSyncExternalStore(outbox.subscribe, outbox.refusals);
  const me = useSyncExternalStore(
    (l) => client.getQueryCache().subscribe(l),
    () => client.getQueryData<SessionUser | null>(meKey),
  );
  const userId = me && !me.sessionLocked ? me.id : null;
  const waiting = userId !== null && items.some((i) => i.userId === userId);

  useEffect(() => {
    if (state !== 'online' || userId === null || !waiting) return;
    void outbox.flush(userId).then(() => {
      if (!outbox.items().some((i) => i.userId === userId)) void client.invalidateQueries();
    });
  }, [state, userId, waiting, client]);

  // Back from an outage with nothing to send: the screens that failed meanwhile are fetched again.
  useEffect(
    () => connection.subscribe(() => void (connection.state() === 'online' && client.invalidateQueries())),
    [client],
  );

  useEffect(() => {
    for (const refusal of refusals) {
      outbox.dismiss(refusal);
      const { item, error } = refusal;
      const address = addressOfPlace(item.place);
      if (address && error instanceof AppError && isSaveConflict(error.details))
        cellConflicts.add({ place: item.place, address, mine: item.value as CellValue, by: error.details.by });
      const message = error instanceof Error ? error.message : '';
      errors?.report(
        new AppError(error instanceof AppError ? error.kind : 'internal', `Не сохранено (${item.label}): ${message}`),
      );
    }
  }, [refusals, errors]);

  return null;
}
