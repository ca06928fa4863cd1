import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { useChannel } from '../api/useChannel';
import { CallError, useStructureCall } from '../structure/common';
import { TimeField } from '../dates/TimeField';

interface Row {
  startTime: string;
  endTime: string;
}

/** Звонки of a shift: a lesson's number is its row. */
export function BellsEditor({ canEdit }: { canEdit: boolean }) {
  const [shift, setShift] = useState(1);
  const bells = useChannel(contract.timetable.bells, {});
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (bells.data)
      setRows(bells.data.filter((b) => b.shift === shift).map((b) => ({ startTime: b.startTime, endTime: b.endTime })));
  }, [bells.data, shift]);
  const save = useStructureCall(contract.timetable.saveBells);
  const set = (i: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm" maw={460}>
      <Group justify="space-between">
        <Text fw={600}>Звонки</Text>
        <SegmentedControl
          size="xs"
          value={String(shift)}
          onChange={(v) => setShift(Number(v))}
          data={[
            { value: '1', label: '1 смена' },
            { value: '2', label: '2 смена' },
          ]}
        />
      </Group>
      <Table withTableBorder data-testid="bells-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>№</Table.Th>
            <Table.Th>Начало</Table.Th>
            <Table.Th>Конец</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <TimeField
                  size="xs"
                  disabled={!canEdit}
                  value={r.startTime}
                  onChange={(v) => set(i, { startTime: v })}
                  aria-label={`Начало ${i + 1}-го урока`}
                />
              </Table.Td>
              <Table.Td>
                <TimeField
                  size="xs"
                  disabled={!canEdit}
                  value={r.endTime}
                  onChange={(v) => set(i, { endTime: v })}
                  aria-label={`Конец ${i + 1}-го урока`}
                />
              </Table.Td>
              <Table.Td>
                {canEdit && i === rows.length - 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRows(rows.slice(0, -1))}
                    aria-label="Убрать последний урок"
                  >
                    ✕
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CallError error={save.error} />
      {canEdit && (
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              setRows([
                ...rows,
                { startTime: rows.at(-1)?.endTime ?? '08:30', endTime: rows.at(-1)?.endTime ?? '09:10' },
              ])
            }
          >
            Добавить урок
          </Button>
          <Button
            size="xs"
            loading={save.isPending}
            onClick={() => save.mutate({ shift, times: rows.map((r, i) => ({ number: i + 1, ...r })) })}
          >
            Сохранить звонки
          </Button>
        </Group>
      )}
    </Stack>
  );
}
