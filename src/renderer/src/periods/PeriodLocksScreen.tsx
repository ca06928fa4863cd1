import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type Period } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { channelKey } from '../api/keys';
import { usePeriodLocks } from '../api/queries';
import { useChannel } from '../api/useChannel';
import { useYearPeriods, useYears } from '../school/useYears';
import { ErrorPanel } from '../errors/ErrorPanel';
import { ruDate } from '../../../shared/dates';
import { Loading } from '../errors/QueryGate';

const schemeOrder: Period['scheme'][] = ['quarters', 'trimesters', 'half_years'];
const schemeNames: Record<Period['scheme'], string> = {
  quarters: 'Четверти',
  trimesters: 'Триместры',
  half_years: 'Полугодия',
};

/**
 * The deputy closes a period once its marks are set: for the whole school or one class. A closed period takes
 * changes only as corrections with a written reason; reopening it needs a reason too.
 */
export function PeriodLocksScreen() {
  const client = useQueryClient();
  const years = useYears();
  const year = years.data?.find((y) => y.isCurrent) ?? years.data?.at(-1);
  const periods = useYearPeriods(year?.id);
  const classes = useChannel(contract.attendance.classes, {});
  const locks = usePeriodLocks(year?.id);
  const [classId, setClassId] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState<{ id: number; label: string } | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () =>
    void client.invalidateQueries({ queryKey: channelKey(contract.periods.locks, { yearId: year?.id ?? 0 }) });
  const lock = useMutation({
    mutationFn: (periodId: number) =>
      invoke(contract.periods.lock, { periodId, classId: classId ? Number(classId) : null }),
    onSuccess: refresh,
  });
  const unlock = useMutation({
    mutationFn: (v: { lockId: number; reason: string }) => invoke(contract.periods.unlock, v),
    onSuccess: () => {
      setUnlocking(null);
      refresh();
    },
  });

  const failed = years.error ?? periods.error ?? locks.error;
  if (failed) return <ErrorPanel error={failed} onRetry={() => void years.refetch()} />;
  if (!year || !periods.data || !locks.data) return <Loading />;
  const chosenClass = classes.data?.find((c) => String(c.id) === classId) ?? null;
  const locksOf = (periodId: number) => locks.data.filter((l) => l.periodId === periodId);

  return (
    <Stack gap="md" maw={1000}>
      <Title order={3}>Закрытие периодов · {year.name}</Title>
      <Group align="flex-end">
        <Select
          label="Закрывать"
          w={260}
          data={[
            { value: '', label: 'для всей школы' },
            ...(classes.data ?? []).map((c) => ({ value: String(c.id), label: `только ${c.name}` })),
          ]}
          value={classId ?? ''}
          onChange={(v) => setClassId(v || null)}
          allowDeselect={false}
          searchable
        />
        <Text size="sm" c="dimmed" maw={520}>
          После закрытия учитель может изменить отметки только как исправление с указанием причины; каждое исправление
          видно в журнале изменений.
        </Text>
      </Group>
      <Paper withBorder>
        <Table verticalSpacing="sm" data-testid="period-locks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Период</Table.Th>
              <Table.Th>Даты</Table.Th>
              <Table.Th>Закрыт</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...periods.data]
              .sort((a, b) => schemeOrder.indexOf(a.scheme) - schemeOrder.indexOf(b.scheme) || a.number - b.number)
              .map((p) => {
                const closed = locksOf(p.id);
                const whole = closed.find((l) => l.classId === null);
                const forChosen = closed.find((l) => l.classId === (chosenClass?.id ?? null));
                return (
                  <Table.Tr key={p.id} data-testid={`period-row-${p.id}`}>
                    <Table.Td>
                      {p.name}
                      <Text span size="xs" c="dimmed">
                        {' · '}
                        {schemeNames[p.scheme]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {ruDate(p.startDate)} — {ruDate(p.endDate)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {closed.map((l) => (
                          <Badge
                            key={l.id}
                            color={l.classId === null ? 'red' : 'orange'}
                            variant="light"
                            tt="none"
                            style={{ cursor: 'pointer' }}
                            title={`Закрыл ${l.lockedBy} ${l.lockedAt}. Нажмите, чтобы открыть.`}
                            onClick={() => {
                              setReason('');
                              unlock.reset();
                              setUnlocking({
                                id: l.id,
                                label: `${p.name}${l.className ? `, ${l.className}` : ', вся школа'}`,
                              });
                            }}
                          >
                            {l.className ?? 'вся школа'} · {l.lockedBy}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      {!whole && !forChosen && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          loading={lock.isPending && lock.variables === p.id}
                          onClick={() => lock.mutate(p.id)}
                        >
                          Закрыть {chosenClass ? `для ${chosenClass.name}` : 'для школы'}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal
        opened={unlocking !== null}
        onClose={() => setUnlocking(null)}
        title={`Открыть период: ${unlocking?.label ?? ''}`}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (unlocking) unlock.mutate({ lockId: unlocking.id, reason });
          }}
        >
          <Stack>
            <Textarea
              label="Причина"
              description="Сохраняется в журнале изменений"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUnlocking(null)}>
                Отмена
              </Button>
              <Button type="submit" loading={unlock.isPending} disabled={reason.trim().length < 5}>
                Открыть период
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
