import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, remarkStatusNames, type RemarkRow } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { journalHref } from '../journal/links';

const colors = { open: 'red', done: 'yellow', confirmed: 'teal' } as const;

/** Every remark the deputy wrote, newest first: confirm a fix the teacher marked, or reopen it with what is wrong. */
export function RemarksTable() {
  const client = useQueryClient();
  const remarks = useChannel(contract.inspection.list, {});
  const [reopening, setReopening] = useState<RemarkRow | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: domainKey('inspection') });
  const confirm = useMutation({
    mutationFn: (id: number) => invoke(contract.inspection.confirm, { id }),
    onSuccess: refresh,
  });
  const reopen = useMutation({
    mutationFn: (input: { id: number; reason: string }) => invoke(contract.inspection.reopen, input),
    meta: { ownsErrors: true },
    onSuccess: () => {
      setReopening(null);
      refresh();
    },
  });
  if (remarks.error) return <ErrorPanel error={remarks.error} onRetry={() => void remarks.refetch()} />;
  if (!remarks.data) return null;
  if (remarks.data.length === 0) return <Text c="dimmed">Замечаний нет.</Text>;
  return (
    <Paper withBorder>
      <Table verticalSpacing={6} data-testid="remarks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Дата</Table.Th>
            <Table.Th>Журнал</Table.Th>
            <Table.Th>Замечание</Table.Th>
            <Table.Th>Исправить до</Table.Th>
            <Table.Th>Состояние</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {remarks.data.map((r) => (
            <Table.Tr key={r.id} data-testid={`remark-${r.id}`}>
              <Table.Td>{ruDate(r.date)}</Table.Td>
              <Table.Td>
                <Anchor href={journalHref({ assignmentId: r.assignmentId })}>
                  {r.className} · {r.subjectName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.teacherName}
                </Text>
              </Table.Td>
              <Table.Td maw={380}>
                <Text size="sm">{r.text}</Text>
                {r.response && (
                  <Text size="xs" c="dimmed">
                    {r.response}
                  </Text>
                )}
              </Table.Td>
              <Table.Td c={r.overdue ? 'red' : undefined}>{r.fixBy ? ruDate(r.fixBy) : ''}</Table.Td>
              <Table.Td>
                <Badge color={colors[r.status]} variant="light" tt="none">
                  {remarkStatusNames[r.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {r.status === 'done' && (
                    <Button size="compact-xs" onClick={() => confirm.mutate(r.id)}>
                      Подтвердить
                    </Button>
                  )}
                  {r.status !== 'open' && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() => {
                        setReason('');
                        setReopening(r);
                      }}
                    >
                      Вернуть
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {reopening && (
        <Modal opened onClose={() => setReopening(null)} title="Вернуть замечание учителю" centered>
          <Stack gap="sm">
            <Text size="sm">{reopening.text}</Text>
            <TextInput
              label="Что не исправлено"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reopen.error ? describeError(reopen.error).message : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReopening(null)}>
                Отмена
              </Button>
              <Button
                color="red"
                loading={reopen.isPending}
                onClick={() => reopen.mutate({ id: reopening.id, reason })}
              >
                Вернуть
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
