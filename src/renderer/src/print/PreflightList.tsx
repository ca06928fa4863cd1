import { Alert, Table, Text } from '@mantine/core';
import type { PreflightIssue } from '../../../shared/contract';

const kindNames: Record<PreflightIssue['kind'], string> = {
  no_topic: 'нет темы урока',
  missing_period_mark: 'нет отметок за период',
  missing_year_mark: 'нет годовых отметок',
  control_without_marks: 'контрольная без отметок',
  entries_on_unheld: 'левая и правая страницы разойдутся',
};

/** What would make the book wrong or incomplete, by journal: the secretary asks these teachers to fix it. */
export function PreflightList({ issues }: { issues: PreflightIssue[] }) {
  if (issues.length === 0)
    return (
      <Alert color="green" data-testid="preflight-ok">
        Проверка не нашла замечаний: журнал можно печатать.
      </Alert>
    );
  return (
    <div data-testid="preflight-issues">
      <Text size="sm" c="orange" mb="xs">
        Замечаний: {issues.length}. Их стоит исправить до печати (попросите учителей); напечатать можно и так — на заверительной странице будет отмечено, что это черновик.
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
              <Table.Td>{i.subject}</Table.Td>
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
