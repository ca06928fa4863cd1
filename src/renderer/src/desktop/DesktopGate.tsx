import type { ReactNode } from 'react';
import { Center, Container, Loader } from '@mantine/core';
import { ErrorPanel } from '../errors/ErrorPanel';
import { useDesktopMode } from './mode';
import { StartChoiceScreen } from './StartChoiceScreen';

/**
 * The desktop app on its first start asks which journal to open before anything else; a browser, or the app once
 * a journal is open, goes straight on.
 */
export function DesktopGate({ children }: { children: ReactNode }) {
  const mode = useDesktopMode();
  if (window.api === undefined) return children;
  if (mode.error)
    return (
      <Container size="sm" pt={80}>
        <ErrorPanel error={mode.error} onRetry={() => void mode.refetch()} />
      </Container>
    );
  if (!mode.data)
    return (
      <Center h="100%">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  return mode.data.mode === 'choose' ? <StartChoiceScreen /> : children;
}
