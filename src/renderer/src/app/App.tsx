import { useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { DesktopGate } from '../desktop/DesktopGate';
import { ErrorStack, ErrorStoreContext } from '../errors/ErrorStack';
import { BusyNotice } from '../errors/BusyNotice';
import { ConnectionNotice } from '../errors/ConnectionNotice';
import { OtherServerSaves } from '../errors/OtherServerSaves';
import { createErrorStore } from '../errors/store';
import { createQueryClient } from './queryClient';
import { OutboxSync } from './OutboxSync';
import { Root } from './Root';
import { theme } from './theme';
import { DatesSetup } from '../dates/DatesSetup';

export function App() {
  const [errors] = useState(createErrorStore);
  const [queryClient] = useState(() => createQueryClient(errors));
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesSetup>
        <QueryClientProvider client={queryClient}>
          <ErrorStoreContext.Provider value={errors}>
            <DesktopGate>
              <Root />
            </DesktopGate>
            <ErrorStack />
            <BusyNotice />
            <ConnectionNotice />
            <OtherServerSaves />
            <OutboxSync />
          </ErrorStoreContext.Provider>
        </QueryClientProvider>
      </DatesSetup>
    </MantineProvider>
  );
}
