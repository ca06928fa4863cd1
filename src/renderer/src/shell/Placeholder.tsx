import { Paper, Text, Title } from '@mantine/core';

/** A section that exists in the navigation but is built in a later version. */
export function Placeholder({ title }: { title: string }) {
  return (
    <>
      <Title order={2} mb="md">
        {title}
      </Title>
      <Paper withBorder p="xl" radius="md" data-testid="placeholder">
        <Text c="dimmed">Раздел появится в следующей версии.</Text>
      </Paper>
    </>
  );
}
