import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { ErrorPanel } from './ErrorPanel';

/** The query's state, as every screen shows it: a failure with «Повторить», a spinner, or the content. */
export function QueryGate<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}

/** What a screen shows while its data is on the way. */
export function Loading() {
  return (
    <Center py="xl">
      <Loader size="sm" aria-label="Загрузка" />
    </Center>
  );
}
