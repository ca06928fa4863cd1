import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type RetentionItem } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { QueryGate } from '../errors/QueryGate';
import { ruDate } from '../../../shared/dates';
import { retentionKey, useRetention } from './queries';

const states: Record<RetentionItem['state'], { label: string; color: string }> = {
  keep: { label: 'хранится', color: 'gray' },
  soon: { label: 'скоро срок', color: 'yellow' },
  due: { label: 'срок наступил', color: 'red' },
  done: { label: 'выполнено', color: 'green' },
};

/**
 * Реестр сроков хранения: each ended school year's documents, the date something is due, and the acts done.
 * The deputy reads it; the secretary and the admin mark what was done (`mayMark`).
 */
export function RetentionScreen({ mayMark }: { mayMark: boolean }) {
  const client = useQueryClient();
  const register = useRetention();
  const [marking, setMarking] = useState<RetentionItem | null>(null);
  const [note, setNote] = useState('');
  const mark = useMutation({
    mutationFn: (i: RetentionItem) => invoke(contract.retention.markDone, { yearId: i.yearId, kind: i.kind, note }),
    onSuccess: (data) => {
      client.setQueryData(retentionKey, data);
      setMarking(null);
    },
  });
  return (
    <QueryGate query={register}>
      {(data) => (
        <Stack gap="md" maw={1100}>
          <Title order={3}>Сроки хранения документов</Title>
          <Text size="sm" c="dimmed">
            Классные журналы (электронные и бумажные) хранятся 5 лет, изъятые из них сводные ведомости успеваемости — 25
            лет; прошитые журналы передаются в архив не позднее 1 июля. Срок считается с 1 января года, следующего за
            окончанием учебного года. Программа ничего не удаляет из базы: уничтожение бумажных документов оформляется
            актом.
          </Text>
          <Paper withBorder>
            <Table verticalSpacing={6} data-testid="retention">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Документы</Table.Th>
                  <Table.Th>Что сделать</Table.Th>
                  <Table.Th>Срок</Table.Th>
                  <Table.Th>Состояние</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={`${i.yearId}.${i.kind}`} data-testid={`retention-${i.yearId}-${i.kind}`}>
                    <Table.Td>{i.document}</Table.Td>
                    <Table.Td>{i.action}</Table.Td>
                    <Table.Td>{ruDate(i.dueDate)}</Table.Td>
                    <Table.Td>
                      <Badge color={states[i.state].color} variant="light" tt="none">
                        {states[i.state].label}
                      </Badge>
                      {i.doneNote && (
                        <Text size="xs" c="dimmed">
                          {i.doneNote}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {mayMark && (i.state === 'due' || i.state === 'soon') && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => {
                            setNote('');
                            setMarking(i);
                          }}
                        >
                          Выполнено
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {data.items.length === 0 && (
              <Text c="dimmed" p="md">
                Ни один учебный год ещё не закончился.
              </Text>
            )}
          </Paper>
          <Modal opened={marking !== null} onClose={() => setMarking(null)} title={marking?.document ?? ''}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (marking) mark.mutate(marking);
              }}
            >
              <Stack>
                <TextInput
                  label="Акт (номер и дата)"
                  description={marking?.action}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  data-autofocus
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={mark.isPending} disabled={note.trim().length < 3}>
                    Отметить выполненным
                  </Button>
                </Group>
              </Stack>
            </form>
          </Modal>
        </Stack>
      )}
    </QueryGate>
  );
}
