import { useSyncExternalStore } from 'react';
import { Alert, Loader } from '@mantine/core';
import { busyCalls } from '../api/busy';

/** Shown while a change waits for a busy database: it is not lost, it is being sent again. */
export function BusyNotice() {
  const waiting = useSyncExternalStore(busyCalls.subscribe, busyCalls.waiting);
  if (waiting === 0) return null;
  return (
    <Alert
      role="status"
      color="yellow"
      icon={<Loader size="xs" color="yellow" />}
      title="База данных занята"
      // Dark text on the pale yellow: the theme's yellow title would be hard to read.
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
      style={{
        position: 'fixed',
        bottom: 16,
        left: '50%',
        transform: 'translateX(-50%)',
        zIndex: 1000,
        boxShadow: 'var(--mantine-shadow-md)',
        // Opaque: it floats over the grid's legend.
        background: 'var(--mantine-color-yellow-0)',
        border: '1px solid var(--mantine-color-yellow-5)',
        width: 'min(640px, 90vw)',
      }}
    >
      Другая программа сейчас записывает в журнал. Изменения не потеряны: Журнал повторяет сохранение.
    </Alert>
  );
}
