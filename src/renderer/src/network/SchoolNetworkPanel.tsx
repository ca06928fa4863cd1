import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { queryKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { ConnectionCard } from './ConnectionCard';
import { useConfirmWithPassword } from '../session/ConfirmWithPassword';

const networkKey = queryKey(contract.network.get, {});

/**
 * «Школьная сеть»: whether `zhurnal serve` answers the school's other computers. Switching
 * off takes effect at once; switching on, at the next start of the server, which then listens on every address.
 */
export function SchoolNetworkPanel() {
  const client = useQueryClient();
  const state = useChannel(contract.network.get, {});
  // The connected computers change without any save: asked again while the screen is open.
  const info = useChannel(contract.network.info, {}, { refetchInterval: 15_000 });
  const set = useMutation({
    mutationFn: (input: { schoolNetwork: boolean; password: string }) => invoke(contract.network.set, input),
    onSuccess: (value) => {
      client.setQueryData(networkKey, value);
      void info.refetch();
    },
  });
  const { confirm, dialog } = useConfirmWithPassword();
  if (state.error) return <ErrorPanel error={state.error} onRetry={() => void state.refetch()} />;
  const on = state.data?.schoolNetwork ?? false;
  return (
    <Paper withBorder p="md" maw={1100}>
      <Stack gap="xs">
        <Title order={4}>Школьная сеть</Title>
        <Switch
          checked={on}
          disabled={!state.data || set.isPending}
          onChange={(e) => {
            const schoolNetwork = e.currentTarget.checked;
            confirm(
              schoolNetwork
                ? 'Открыть журнал другим компьютерам школьной сети.'
                : 'Закрыть журнал для других компьютеров школьной сети.',
              (password) => set.mutateAsync({ schoolNetwork, password }),
            );
          }}
          label="Открывать журнал с других компьютеров школы (в браузере)"
          data-testid="school-network"
        />
        <Text size="sm" c="dimmed">
          {on
            ? 'Сервер журнала (zhurnal serve) отвечает компьютерам школьной сети, только по https. Включение действует после перезапуска сервера.'
            : 'Журнал открывается только на этом компьютере. В журнале персональные данные учеников: включайте, только если сеть школы закрыта от посторонних.'}
        </Text>
        {set.error && <Alert color="red">{set.error.message}</Alert>}
        {info.data && <ConnectionCard info={info.data} />}
        {dialog}
      </Stack>
    </Paper>
  );
}
