import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isSaveConflict, type SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { isSessionLocked, isUnauthorized } from '../api/errors';
import { meKey } from '../api/queries';
import type { ErrorStore } from '../errors/store';

declare module '@tanstack/react-query' {
  interface Register {
    /** A mutation with `ownsErrors` shows its failure itself (the login form), so the global handler keeps out. */
    mutationMeta: { ownsErrors?: boolean };
  }
}

/**
 * One place decides what a failure does: an ended session returns to the login screen (forgetting every
 * loaded journal), a failed action is reported in the corner, a failed query shows its error where it is.
 */
export function createQueryClient(errors: ErrorStore): QueryClient {
  const endSession = (error: unknown) => {
    // The server locked the session (idle on its clock): the lock screen, not the login, and no error to read.
    if (isSessionLocked(error)) return lockUserData(client);
    errors.report(error);
    forgetUserData(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) endSession(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.ownsErrors) return;
        // Another person's save since the screen was read: shown where it happened, with the choice.
        if (error instanceof AppError && isSaveConflict(error.details)) return;
        if (isUnauthorized(error)) endSession(error);
        else errors.report(error);
      },
    }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

const dropLoadedData = (client: QueryClient) =>
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'setup' });

/** After logout («Сменить пользователя») or a lost session: nothing of the previous user stays in memory. */
export function forgetUserData(client: QueryClient): void {
  client.setQueryData(meKey, null);
  dropLoadedData(client);
}

/**
 * A locked session: the same user stays (the lock screen names them), everything loaded is dropped, so neither
 * the screen nor the cache holds a journal while the computer waits; unlocking loads it again.
 */
export function lockUserData(client: QueryClient): void {
  client.setQueryData<SessionUser | null>(meKey, (me) => (me ? { ...me, sessionLocked: true } : me));
  dropLoadedData(client);
}
