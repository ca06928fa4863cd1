import { Badge, Table, Text } from '@mantine/core';
import type { JournalGrid } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';

/** The right-hand page of the paper journal: what each lesson was about and what was set for home. */
export function LessonsList({ grid, today }: { grid: JournalGrid; today: string }) {
  const kinds = new Map(grid.workKinds.map((k) => [k.id, k]));
  if (grid.lessons.length === 0) return <Text c="dimmed">В этом периоде уроков по предмету нет.</Text>;
  return (
    <Table striped highlightOnHover withTableBorder verticalSpacing={6} fz="sm" data-testid="lessons-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>Дата</Table.Th>
          <Table.Th>Тема урока</Table.Th>
          <Table.Th>Домашнее задание</Table.Th>
          <Table.Th w={200}>Провёл</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grid.lessons.map((l) => {
          const kind = kinds.get(l.workKindId);
          return (
            <Table.Tr key={l.id} c={l.date > today ? 'dimmed' : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {ruDate(l.date)}
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {l.lessonNumber}-й урок
                </Text>
              </Table.Td>
              <Table.Td>
                {l.topic ?? (
                  <Text span c="dimmed">
                    —
                  </Text>
                )}
                {kind?.isControl && (
                  <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                    {kind.name}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {l.homework ?? (
                  <Text span c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {l.givenByName}
                {l.isSubstitution && (
                  <Badge ml={6} size="xs" variant="light" color="orange" tt="none">
                    замена
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
