import { Button, Container, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { desktopChannels } from '../../../shared/desktop';
import { invoke, invokeChannel } from '../api/invoke';
import { ConnectForm } from './ConnectForm';
import { useSwitchedJournal } from './mode';

/**
 * The desktop app's first start: the journal kept on this computer (the school's computer, or a single one), the
 * demonstration school, or the school's journal on its server, reached over the network.
 */
export function StartChoiceScreen() {
  const switched = useSwitchedJournal();
  const local = useMutation({
    mutationFn: async (demo: boolean) => {
      await invokeChannel(desktopChannels.openLocal, {});
      if (demo) await invoke(contract.setup.createDemo, { tier: 'small' });
    },
    onSettled: switched,
  });
  return (
    <Container size="xl" py={48}>
      <Stack gap={4} mb="xl">
        <Title order={1}>Журнал</Title>
        <Text c="dimmed">Первый запуск на этом компьютере: какой журнал открыть?</Text>
      </Stack>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="xl" radius="md">
            <Title order={3} mb="xs">
              Подключиться к журналу школы
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Журнал хранится на компьютере школы (у администратора или в кабинете информатики), а здесь учителя
              открывают его по сети. На этом компьютере данные школы не хранятся.
            </Text>
            <ConnectForm />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <Paper withBorder p="xl" radius="md">
              <Title order={3} mb="xs">
                Открыть журнал этого компьютера
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Журнал школы будет храниться на этом компьютере: создайте школу, а потом включите «Школьную сеть», чтобы
                остальные компьютеры школы подключились к нему.
              </Text>
              <Button onClick={() => local.mutate(false)} loading={local.isPending && local.variables === false}>
                Открыть журнал этого компьютера
              </Button>
            </Paper>
            <Paper withBorder p="xl" radius="md">
              <Title order={3} mb="xs">
                Открыть демонстрационную школу
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Небольшая выдуманная школа, чтобы познакомиться с программой.
              </Text>
              <Button
                variant="light"
                onClick={() => local.mutate(true)}
                loading={local.isPending && local.variables === true}
              >
                Открыть демонстрационную школу
              </Button>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Container>
  );
}
