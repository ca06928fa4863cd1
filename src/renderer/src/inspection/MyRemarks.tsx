import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, remarkStatusNames } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { journalHref } from '../journal/links';

/** «Мой день»: the deputy's remarks on the teacher's journals not yet confirmed; the teacher marks each done. */
export function MyRemarks() {
  const client = useQueryClient();
  const remarks = useChannel(contract.inspection.mine, {});
  const done = useMutation({
    mutationFn: (id: number) => invoke(contract.inspection.done, { id }),
    onSuccess: () => void client.invalidateQueries({ queryKey: domainKey('inspection') }),
  });
  if (remarks.error) return <ErrorPanel error={remarks.error} onRetry={() => void remarks.refetch()} />;
  if (!remarks.data || remarks.data.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="my-remarks">
      <Title order={4}>Замечания заместителя директора</Title>
      <Paper withBorder>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Журнал</Table.Th>
              <Table.Th>Замечание</Table.Th>
              <Table.Th>Исправить до</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {remarks.data.map((r) => (
              <Table.Tr key={r.id} data-testid={`my-remark-${r.id}`}>
                <Table.Td>
                  <Anchor href={journalHref({ assignmentId: r.assignmentId })}>
                    {r.className} · {r.subjectName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.text}</Text>
                  <Text size="xs" c="dimmed">
                    {r.authorName}, {ruDate(r.date)}
                    {r.response ? ` · ${r.response}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td c={r.overdue ? 'red' : undefined}>{r.fixBy ? ruDate(r.fixBy) : ''}</Table.Td>
                <Table.Td ta="right">
                  {r.status === 'open' ? (
                    <Button size="compact-xs" loading={done.isPending} onClick={() => done.mutate(r.id)}>
                      Исправлено
                    </Button>
                  ) : (
                    <Group justify="flex-end">
                      <Badge color="teal" variant="light" tt="none">
                        {remarkStatusNames[r.status]}
                      </Badge>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
