import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';

/** On the admin's every screen while the last good backup is older than two days (or there is none). */
export function BackupReminder({ onOpen }: { onOpen(): void }) {
  const warning = useQuery({
    queryKey: ['backup', 'warning'],
    queryFn: () => invoke(contract.backup.warning, {}),
    refetchInterval: 10 * 60_000,
  });
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
