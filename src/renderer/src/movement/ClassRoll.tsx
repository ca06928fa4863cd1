import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import type { MovementClass } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import type { OrderAction } from './OrderDialog';

/** A class's roll on a date, with the orders the secretary may enter for each student. */
export function ClassRoll({
  cls,
  canManage,
  onAction,
}: {
  cls: MovementClass;
  canManage: boolean;
  onAction: (a: OrderAction) => void;
}) {
  return (
    <Paper withBorder>
      <Table verticalSpacing={6} data-testid="class-roll">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>№</Table.Th>
            <Table.Th>Ученик</Table.Th>
            <Table.Th>Дата рождения</Table.Th>
            <Table.Th>Личное дело</Table.Th>
            <Table.Th>Подгруппы</Table.Th>
            {canManage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cls.students.map((s, i) => (
            <Table.Tr key={s.id} data-testid={`roll-${s.id}`}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.birthDate ? ruDate(s.birthDate) : ''}</Table.Td>
              <Table.Td>{s.personalFileNo}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {s.subgroups.map((g) => (
                    <Badge key={g.subgroupId} variant="light" tt="none" size="sm">
                      {g.subjectName}: {g.name}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              {canManage && (
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => onAction({ kind: 'transfer', cls, student: s })}
                    >
                      Перевести
                    </Button>
                    {cls.subgroups.length > 0 && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="grape"
                        onClick={() => onAction({ kind: 'subgroup', cls, student: s })}
                      >
                        Подгруппа
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() => onAction({ kind: 'leave', cls, student: s })}
                    >
                      Выбыл
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cls.students.length === 0 && (
        <Text c="dimmed" p="md">
          На эту дату в классе нет учащихся.
        </Text>
      )}
    </Paper>
  );
}
