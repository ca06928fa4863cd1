import { Alert, Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { MarkGap, YearStatus } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import { journalHref } from '../journal/links';

/** Terms that have not ended yet: their marks are not due, so they are counted here and not as gaps. */
function NotEndedPanel({ terms }: { terms: YearStatus['notEnded'] }) {
  if (terms.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="not-ended">
      <Title order={4}>Ещё не закончились</Title>
      <Text size="sm" c="dimmed" mb="xs">
        Отметки за эти периоды выставят, когда периоды закончатся: это не пропуски.
      </Text>
      <Table fz="sm" verticalSpacing={4} w="auto">
        <Table.Tbody>
          {terms.map((t) => (
            <Table.Tr key={`${t.periodName}:${t.endDate}`}>
              <Table.Td fw={500}>{t.periodName === 'год' ? 'Год' : t.periodName}</Table.Td>
              <Table.Td>до {ruDate(t.endDate)}</Table.Td>
              <Table.Td c="dimmed">
                {t.marks} отметок в {t.journals} журналах
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The period and year marks still missing, each line a link to the journal (and period, and year) it concerns. */
export function GapsPanel({
  gaps,
  notEnded,
  yearId,
}: {
  gaps: MarkGap[];
  notEnded: YearStatus['notEnded'];
  yearId: number;
}) {
  return (
    <Stack gap="md">
      <EndedGaps gaps={gaps} yearId={yearId} partial={notEnded.length > 0} />
      <NotEndedPanel terms={notEnded} />
    </Stack>
  );
}

function EndedGaps({ gaps, yearId, partial }: { gaps: MarkGap[]; yearId: number; partial: boolean }) {
  const missing = gaps.reduce((n, g) => n + g.students.length, 0);
  if (gaps.length === 0)
    return (
      <Alert color="green" title="Итоговые отметки" data-testid="gaps-none">
        {partial ? 'Все отметки за закончившиеся периоды выставлены.' : 'Все отметки за периоды и за год выставлены.'}
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
