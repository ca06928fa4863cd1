import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { addDays, ruDate, todayIso } from '../../../shared/dates';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { RemarkDialog, type RemarkTarget } from './RemarkDialog';
import { RemarksTable } from './RemarksTable';
import { SavedCheck } from './SavedCheck';

/**
 * Проверки журналов: the deputy saves the control report over a range of dates as a dated check, opens the saved
 * checks later, writes remarks from their lines, and follows every remark to its confirmation.
 */
export function InspectionScreen() {
  const client = useQueryClient();
  const [from, setFrom] = useState(addDays(todayIso(), -30));
  const [to, setTo] = useState(todayIso());
  const [opened, setOpened] = useState<number | null>(null);
  const [target, setTarget] = useState<RemarkTarget | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const checks = useChannel(contract.inspection.checks, {});
  const save = useMutation({
    mutationFn: () => invoke(contract.inspection.saveCheck, { from, to }),
    meta: { ownsErrors: true },
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: domainKey('inspection') });
      setOpened(c.id);
      setDone(`Проверка журналов от ${ruDate(c.date)} сохранена: уроков с замечаниями — ${c.findings}`);
    },
  });
  const failure = save.error ? describeError(save.error) : null;

  return (
    <Stack gap="md" maw={1300}>
      <Title order={3}>Проверки журналов</Title>
      {done && (
        <Alert color="green" withCloseButton onClose={() => setDone(null)} data-testid="inspection-done">
          {done}
        </Alert>
      )}
      <Tabs defaultValue="checks" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="checks">Проверки</Tabs.Tab>
          <Tabs.Tab value="remarks" data-testid="tab-remarks">
            Замечания
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="checks">
          <Stack gap="md">
            <Group align="flex-end">
              <TextInput label="С" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
              <TextInput label="По" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
              <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="save-check">
                Провести и сохранить проверку
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              Проверка сохраняет отчёт «Контроль ведения журнала» за эти даты таким, каким он будет сегодня, с тем, кто
              проверял. Замечания по строкам проверки попадают учителям в «Мой день».
            </Text>
            {failure && (
              <Alert color="red" title={failure.title}>
                {failure.message}
              </Alert>
            )}
            {checks.error && <ErrorPanel error={checks.error} onRetry={() => void checks.refetch()} />}
            {checks.data && checks.data.length === 0 && <Text c="dimmed">Сохранённых проверок ещё нет.</Text>}
            {checks.data && checks.data.length > 0 && (
              <Paper withBorder>
                <Table verticalSpacing={6} data-testid="checks">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Проверка</Table.Th>
                      <Table.Th>Период</Table.Th>
                      <Table.Th>Класс</Table.Th>
                      <Table.Th>Проверял</Table.Th>
                      <Table.Th>Уроков с замечаниями</Table.Th>
                      <Table.Th>Замечаний учителям</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {checks.data.map((c) => (
                      <Table.Tr key={c.id} bg={c.id === opened ? 'var(--mantine-color-blue-light)' : undefined}>
                        <Table.Td>Проверка журналов от {ruDate(c.date)}</Table.Td>
                        <Table.Td>
                          {ruDate(c.from)} — {ruDate(c.to)}
                        </Table.Td>
                        <Table.Td>{c.className ?? 'все'}</Table.Td>
                        <Table.Td>{c.checkedBy}</Table.Td>
                        <Table.Td>{c.findings}</Table.Td>
                        <Table.Td>{c.remarks}</Table.Td>
                        <Table.Td ta="right">
                          <Button size="compact-xs" variant="light" onClick={() => setOpened(c.id)}>
                            Открыть
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
            {opened !== null && <SavedCheck id={opened} onRemark={setTarget} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="remarks">
          <RemarksTable />
        </Tabs.Panel>
      </Tabs>
      {target && (
        <RemarkDialog
          target={target}
          onClose={() => setTarget(null)}
          onDone={(message) => {
            setTarget(null);
            setDone(message);
          }}
        />
      )}
    </Stack>
  );
}
