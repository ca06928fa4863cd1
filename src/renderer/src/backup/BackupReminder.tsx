import { Alert, Anchor } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { useChannel } from '../api/useChannel';

/**
 * On the admin's every screen while the last good backup is older than two days (or there is none), and while
 * the copies are not on at least two disks other than the database's.
 */
export function BackupReminder({ onOpen }: { onOpen(): void }) {
  const warning = useChannel(contract.backup.warning, {}, { refetchInterval: 10 * 60_000 });
  const open = (
    <Anchor component="button" onClick={onOpen}>
      Открыть «Резервные копии»
    </Anchor>
  );
  const media = warning.data?.mediaWarnings ?? [];
  return (
    <>
      {warning.data?.warning && (
        <Alert color="orange" mb="md" title="Нужна резервная копия" data-testid="backup-reminder">
          {warning.data.warning}. {open}
        </Alert>
      )}
      {media.length > 0 && (
        <Alert color="orange" mb="md" title="Копии не на разных носителях" data-testid="backup-media">
          {media.map((m) => (
            <div key={m}>{m}.</div>
          ))}
          {open}
        </Alert>
      )}
    </>
  );
}
