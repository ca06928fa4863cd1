import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, yearOutcomeNames, type OutcomeRow, type YearOutcome } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { OrderInputs } from './OrderInputs';

const options = (grade: number) =>
  (Object.keys(yearOutcomeNames) as YearOutcome[])
    .filter((o) => o !== 'graduated' || grade === 9 || grade === 11)
    .map((o) => ({ value: o, label: yearOutcomeNames[o] }));

/** The decision per student, proposed from the year marks, saved with the order of the pedagogical council. */
export function DecisionsPanel({
  yearId,
  rows,
  readOnly,
  today,
}: {
  yearId: number;
  rows: OutcomeRow[];
  readOnly: boolean;
  today: string;
}) {
  const client = useQueryClient();
  const classes = [...new Set(rows.map((r) => r.className))];
  const [cls, setCls] = useState<string | null>(classes[0] ?? null);
  const [chosen, setChosen] = useState<Record<number, YearOutcome>>({});
  const [order, setOrder] = useState({ orderNumber: '', orderDate: today });
  const shown = rows.filter((r) => r.className === cls);
  const save = useMutation({
    mutationFn: () =>
      invoke(contract.years.decide, {
        yearId,
        ...order,
        decisions: shown.map((r) => ({
          studentId: r.studentId,
          outcome: chosen[r.studentId] ?? r.decided?.outcome ?? r.proposed,
        })),
      }),
    onSuccess: () => {
      setChosen({});
      void client.invalidateQueries({ queryKey: domainKey('years') });
    },
  });
  const undecided = rows.filter((r) => !r.decided).length;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={4}>Решения по учащимся</Title>
          <Text size="sm" c="dimmed">
            {undecided === 0
              ? 'Решения приняты по всем учащимся.'
              : `Не приняты решения по ${undecided} учащимся. Предложение — по годовым отметкам («2» или «н/а» за год → условный перевод).`}
          </Text>
        </div>
        <Select
          label="Класс"
          w={110}
          data={classes}
          value={cls}
          onChange={setCls}
          allowDeselect={false}
          data-testid="decisions-class"
        />
      </Group>
      <Table fz="sm" verticalSpacing={4} data-testid="decisions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ученик</Table.Th>
            <Table.Th>Задолженность за год</Table.Th>
            <Table.Th w={360}>Решение</Table.Th>
            <Table.Th>Приказ</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.studentId} data-testid={`decision-${r.studentId}`}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.debts.join(', ')}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Select
                    size="xs"
                    w={240}
                    data={options(r.grade)}
                    value={chosen[r.studentId] ?? r.decided?.outcome ?? r.proposed}
                    onChange={(v) => v && setChosen({ ...chosen, [r.studentId]: v as YearOutcome })}
                    disabled={readOnly}
                    allowDeselect={false}
                    aria-label={`Решение: ${r.name}`}
                  />
                  {!r.decided && (
                    <Badge size="xs" variant="light" color="orange" tt="none" style={{ flexShrink: 0 }}>
                      предложено
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{r.decided?.orderNumber ? `№ ${r.decided.orderNumber}` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <Group mt="sm" align="flex-end">
          <OrderInputs value={order} onChange={setOrder} />
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!order.orderNumber.trim()}
            data-testid="decisions-save"
          >
            Записать решения {cls}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
