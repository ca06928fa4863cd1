import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import type { ErrorStore, ReportedError } from './store';

export const ErrorStoreContext = createContext<ErrorStore | null>(null);

export function useErrorReporter(): (error: unknown) => void {
  const store = useContext(ErrorStoreContext);
  if (!store) throw new Error('useErrorReporter outside ErrorStoreContext');
  return store.report;
}

const dismissAfterMs = 12_000;

function ShownAlert({ item, store }: { item: ReportedError; store: ErrorStore }) {
  useEffect(() => {
    const timer = window.setTimeout(() => store.dismiss(item.id), dismissAfterMs);
    return () => window.clearTimeout(timer);
  }, [item.id, store]);
  return (
    <Alert
      color="red"
      variant="filled"
      title={item.title}
      withCloseButton
      closeButtonLabel="Закрыть"
      onClose={() => store.dismiss(item.id)}
      role="alert"
      data-testid="error-alert"
      style={{ boxShadow: 'var(--mantine-shadow-md)' }}
    >
      {item.message}
      {item.next && (
        <Text size="sm" mt={4} data-testid="error-next">
          {item.next}
        </Text>
      )}
    </Alert>
  );
}

/** The corner where reported errors appear, above every screen. */
export function ErrorStack() {
  const store = useContext(ErrorStoreContext);
  if (!store) throw new Error('ErrorStack outside ErrorStoreContext');
  const items = useSyncExternalStore(store.subscribe, store.snapshot);
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" style={{ position: 'fixed', right: 16, bottom: 16, width: 380, zIndex: 1000 }}>
      {items.map((item) => (
        <ShownAlert key={item.id} item={item} store={store} />
      ))}
    </Stack>
  );
}
