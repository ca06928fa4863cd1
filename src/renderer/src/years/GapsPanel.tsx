import { Alert, Anchor, Paper, Table, Text, Title } from '@mantine/core';
import type { MarkGap } from '../../../shared/contract';
import { journalHref } from '../journal/links';

/** The period and year marks still missing, each line a link to the journal (and period, and year) it concerns. */
export function GapsPanel({ gaps, yearId }: { gaps: MarkGap[]; yearId: number }) {
  const missing = gaps.reduce((n, g) => n + g.students.length, 0);
  if (gaps.length === 0)
    return (
      <Alert color="green" title="Итоговые отметки" data-testid="gaps-none">
        Все отметки за периоды и за год выставлены.
      </Alert>
    );
  return (
    <Paper withBorder p="md">
      <Title order={4}>Не выставлены итоговые отметки</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {missing} отметок в {gaps.length} журналах. Нажмите на журнал, чтобы открыть его на нужном периоде.
      </Text>
      <Table.ScrollContainer minWidth={700} mah={360}>
        <Table striped fz="sm" verticalSpacing={4} data-testid="gaps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Журнал</Table.Th>
              <Table.Th>Учитель</Table.Th>
              <Table.Th>Период</Table.Th>
              <Table.Th>Нет отметки у</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gaps.map((g) => (
              <Table.Tr key={`${g.assignmentId}:${g.periodId ?? 'year'}`}>
                <Table.Td>
                  <Anchor href={journalHref({ assignmentId: g.assignmentId, periodId: g.periodId, yearId })} size="sm">
                    {g.className} · {g.subjectName}
                    {g.subgroupName ? ` (${g.subgroupName})` : ''}
                  </Anchor>
                </Table.Td>
                <Table.Td>{g.teacherName}</Table.Td>
                <Table.Td>{g.periodName}</Table.Td>
                <Table.Td>
                  {g.students.length > 3
                    ? `${g.students.slice(0, 3).join(', ')} и ещё ${g.students.length - 3}`
                    : g.students.join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
