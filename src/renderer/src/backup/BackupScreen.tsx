import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { ErrorPanel } from '../errors/ErrorPanel';
import { DestinationsPanel } from './DestinationsPanel';
import { FilesPanel } from './FilesPanel';
import { reasonNames } from './format';
import { useBackupMutation, useBackupStatus } from './queries';
import { KeyPanel } from './KeyPanel';
import { SettingsPanel } from './SettingsPanel';
import { Loading } from '../errors/QueryGate';

const stageNames = {
  snapshot: 'снимок базы',
  check: 'проверка целостности',
  encrypt: 'шифрование',
  copy: 'запись на носители',
  done: 'завершение',
} as const;

/** «Резервные копии»: the admin's backups to several drives, their schedule, checks and restore. */
export function BackupScreen() {
  const status = useBackupStatus();
  const run = useBackupMutation(() => invoke(contract.backup.run, {}));
  if (status.error) return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <Loading />;
  const s = status.data;
  const last = s.runs[0];

  return (
    <Stack gap="md" maw={1100}>
      <Title order={3}>Резервные копии</Title>
      {s.warning && (
        <Alert color="orange" title="Нужна резервная копия" data-testid="backup-warning">
          {s.warning}
        </Alert>
      )}
      <KeyPanel encryption={s.encryption} />
      <Group>
        <Button
          size="md"
          loading={run.isPending}
          disabled={s.running !== null || s.destinations.length === 0 || s.encryption.mode === 'missing'}
          onClick={() => run.mutate(undefined)}
        >
          Создать копию сейчас
        </Button>
        {s.running ? (
          <Text c="blue" data-testid="backup-running">
            Идёт копирование: {stageNames[s.running.stage]}…
          </Text>
        ) : (
          <Text c="dimmed">Последняя удачная копия: {s.lastGoodAt ?? 'ещё не было'}</Text>
        )}
      </Group>
      {last && !s.running && (
        <Paper withBorder p="sm" data-testid="backup-last-run">
          <Text fw={500} c={last.ok ? 'green' : 'orange'}>
            {last.at} ({reasonNames[last.reason]}):{' '}
            {last.ok ? 'записана на все носители' : 'записана не на все носители'}
          </Text>
          {last.results.map((r) => (
            <Text key={r.path} size="sm" c={r.ok ? undefined : 'red'} data-testid="backup-result">
              {r.ok ? '✓' : '✗'} {r.path}: {r.message}
            </Text>
          ))}
        </Paper>
      )}
      <DestinationsPanel status={s} />
      <SettingsPanel key={JSON.stringify([s.schedule, s.retention])} status={s} />
      <FilesPanel version={`${last?.at ?? ''}/${s.running ? 'running' : 'idle'}`} />
      {s.runs.length > 1 && (
        <Paper withBorder p="md">
          <Title order={4}>История</Title>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {s.runs.slice(1).map((r) => (
                <Table.Tr key={r.at}>
                  <Table.Td>{r.at}</Table.Td>
                  <Table.Td>{reasonNames[r.reason]}</Table.Td>
                  <Table.Td c={r.ok ? 'green' : 'red'}>
                    {r.results.filter((x) => x.ok).length} из {r.results.length} носителей
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
