import { Alert, Anchor } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { useChannel } from '../api/useChannel';

/** On the admin's every screen while the last good backup is older than two days (or there is none). */
export function BackupReminder({ onOpen }: { onOpen(): void }) {
  const warning = useChannel(contract.backup.warning, {}, { refetchInterval: 10 * 60_000 });
  if (!warning.data?.warning) return null;
  return (
    <Alert color="orange" mb="md" title="Нужна резервная копия" data-testid="backup-reminder">
      {warning.data.warning}.{' '}
      <Anchor component="button" onClick={onOpen}>
        Открыть «Резервные копии»
      </Anchor>
    </Alert>
  );
}
