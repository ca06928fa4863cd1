import { Alert, Anchor, Table, Text } from '@mantine/core';
import type { PreflightIssue } from '../../../shared/contract';
import { journalHref } from '../journal/links';

const kindNames: Record<PreflightIssue['kind'], string> = {
  no_topic: 'нет темы урока',
  missing_period_mark: 'нет отметок за период',
  missing_year_mark: 'нет годовых отметок',
  control_without_marks: 'контрольная без отметок',
  entries_on_unheld: 'левая и правая страницы разойдутся',
  lesson_without_status: 'урок выпадет из книги',
};

/**
 * What would make the book wrong or incomplete, by journal: the secretary asks these teachers to fix it. Each
 * line links to the journal (period, lesson) concerned for whoever may read journals (the administrator);
 * the secretary reads no marks, so for them the journal is named, not opened.
 */
export function PreflightList({ issues, canOpen }: { issues: PreflightIssue[]; canOpen: boolean }) {
  if (issues.length === 0)
    return (
      <Alert color="green" data-testid="preflight-ok">
        Проверка не нашла замечаний: журнал можно печатать.
      </Alert>
    );
  return (
    <div data-testid="preflight-issues">
      <Text size="sm" c="orange" mb="xs">
        Замечаний: {issues.length}. Их стоит исправить до печати (попросите учителей); напечатать можно и так — на
        заверительной странице будет отмечено, что это черновик.
      </Text>
      <Table striped verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Журнал</Table.Th>
            <Table.Th>Учитель</Table.Th>
            <Table.Th>Что не так</Table.Th>
            <Table.Th>Подробно</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((i, n) => (
            <Table.Tr key={n} data-testid="preflight-issue">
              <Table.Td>
                {canOpen ? (
                  <Anchor href={journalHref(i)} data-testid="preflight-link">
                    {i.subject}
                  </Anchor>
                ) : (
                  i.subject
                )}
              </Table.Td>
              <Table.Td>{i.teacher}</Table.Td>
              <Table.Td>{kindNames[i.kind]}</Table.Td>
              <Table.Td>{i.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
