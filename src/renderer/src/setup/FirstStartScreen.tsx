import { Button, Container, Grid, LoadingOverlay, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { setupStatusKey } from '../api/queries';
import { CreateSchoolWizard } from './CreateSchoolWizard';

export type SetupOutcome = { kind: 'school'; login: string } | { kind: 'demo' };

/** A database without a school: make an empty one with its administrator, or fill it with the demonstration school. */
export function FirstStartScreen({ onDone }: { onDone(outcome: SetupOutcome): void }) {
  const queryClient = useQueryClient();
  const demo = useMutation({
    mutationFn: () => invoke(contract.setup.createDemo, { tier: 'small' }),
    onSuccess: async () => {
      onDone({ kind: 'demo' });
      await queryClient.invalidateQueries({ queryKey: setupStatusKey });
    },
  });
  const created = async (login: string) => {
    onDone({ kind: 'school', login });
    await queryClient.invalidateQueries({ queryKey: setupStatusKey });
  };

  return (
    <Container size="xl" py={48}>
      <LoadingOverlay
        visible={demo.isPending}
        zIndex={500}
        overlayProps={{ blur: 2 }}
        loaderProps={{ children: <DemoProgress /> }}
      />
      <Stack gap={4} mb="xl">
        <Title order={1}>Журнал</Title>
        <Text c="dimmed">Первый запуск: в этой базе данных ещё нет школы.</Text>
      </Stack>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="xl" radius="md">
            <Title order={3} mb="xs">
              Создать школу
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Школа, её учебный год с четвертями или полугодиями и каникулами и учётная запись администратора. Всё это
              можно изменить потом в «Администрировании»; учителей и списки классов можно загрузить из Excel.
            </Text>
            <CreateSchoolWizard onCreated={created} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="xl" radius="md">
            <Title order={3} mb="xs">
              Открыть демонстрационную школу
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              Небольшая сельская школа с выдуманными классами, учителями, уроками и отметками — чтобы познакомиться с
              программой. Для настоящей работы создайте отдельную базу.
            </Text>
            <Button variant="light" onClick={() => demo.mutate()} loading={demo.isPending}>
              Открыть демонстрационную школу
            </Button>
          </Paper>
        </Grid.Col>
      </Grid>
    </Container>
  );
}

function DemoProgress() {
  return (
    <Paper shadow="md" p="lg" withBorder>
      <Text data-testid="demo-progress">Создаём демонстрационную школу…</Text>
    </Paper>
  );
}
