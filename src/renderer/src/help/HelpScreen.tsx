import { Box, Group, Image, List, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import type { Role } from '../../../shared/roles';
import { useHashParams } from '../shell/useHashRoute';
import { topicsFor, type HelpTopic } from './topics';

/** «Справка»: the user's own tasks first, then the others'; the chosen topic is in the address (`#/help?topic=…`). */
export function HelpScreen({ roles }: { roles: readonly Role[] }) {
  const { own, others } = topicsFor(roles);
  const wanted = useHashParams().get('topic');
  const shown = [...own, ...others].find((t) => t.id === wanted) ?? own[0] ?? others[0]!;
  const link = (t: HelpTopic) => (
    <NavLink
      key={t.id}
      href={`#/help?topic=${t.id}`}
      label={t.title}
      active={t.id === shown.id}
      data-testid={`help-topic-${t.id}`}
    />
  );
  return (
    <Group align="flex-start" wrap="nowrap" gap="lg">
      <Box w={260} style={{ flexShrink: 0 }}>
        <Stack gap={4}>
          <Title order={3}>Справка</Title>
          {own.length > 0 && (
            <Text size="sm" fw={600} mt="sm">
              Ваша работа
            </Text>
          )}
          {own.map(link)}
          {others.length > 0 && (
            <Text size="sm" fw={600} mt="sm">
              Другие роли
            </Text>
          )}
          {others.map(link)}
        </Stack>
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Paper withBorder p="lg" radius="md" data-testid="help-article">
          <Stack gap="sm" maw={900}>
            <Title order={3}>{shown.title}</Title>
            <Text>{shown.intro}</Text>
            <List type="ordered" spacing="xs">
              {shown.steps.map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
            {shown.notes?.map((n) => (
              <Text key={n} size="sm">
                {n}
              </Text>
            ))}
            <figure style={{ margin: 0 }}>
              <Image
                src={shown.picture.src}
                alt={shown.picture.caption}
                radius="sm"
                style={{ border: '1px solid var(--mantine-color-gray-4)' }}
                data-testid="help-picture"
              />
              <Text component="figcaption" size="sm" mt={4}>
                {shown.picture.caption}
              </Text>
            </figure>
          </Stack>
        </Paper>
      </Box>
    </Group>
  );
}
