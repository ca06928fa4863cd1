import { Button, Table, Text, Title } from '@mantine/core';
import type { ReportColumn, ReportTable } from '../../../shared/contract';
import { formatCell } from '../../../shared/numbers';
import { journalHref } from '../journal/links';

/** A journal line of a report: where it leads and what it says, for the deputy's remark on it. */
export interface ReportLine {
  assignmentId: number;
  cells: ReportTable['rows'][number];
}

/**
 * One table of a report, as the XLSX and PDF show it. Lines that concern a journal link to it; with `onRemark`
 * (the deputy, on the control report) each such line has a button to write a remark on that journal.
 */
export function ReportTableView({
  table,
  index,
  onRemark,
}: {
  table: ReportTable;
  index: number;
  onRemark?: (line: ReportLine) => void;
}) {
  const remarkable = onRemark !== undefined && (table.links ?? []).some((l) => l !== null);
  const align = (c: ReportColumn) => (c.kind === 'text' ? 'left' : 'center');
  return (
    <div data-testid={`report-table-${index}`}>
      <Title order={4} mb={4}>
        {table.title}
      </Title>
      {table.subtitle && (
        <Text size="xs" c="dimmed" mb="xs">
          {table.subtitle}
        </Text>
      )}
      <Table.ScrollContainer minWidth={500}>
        <Table striped withTableBorder withColumnBorders fz="xs" verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.key} style={{ textAlign: 'center', whiteSpace: c.width < 5 ? 'nowrap' : undefined }}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, i) => (
              <Table.Tr key={i}>
                {row.map((v, j) => {
                  const column = table.columns[j]!;
                  const link = j === 0 ? table.links?.[i] : null;
                  const text = formatCell(v, column.kind);
                  return (
                    <Table.Td key={column.key} style={{ textAlign: align(column) }}>
                      {link ? <a href={journalHref(link)}>{text}</a> : text}
                      {/* Under the journal's name, not in a column of its own: the control tables fit 1366 px. */}
                      {link && remarkable && (
                        <Button
                          display="block"
                          mt={4}
                          size="compact-xs"
                          variant="light"
                          color="orange"
                          data-testid="remark-line"
                          onClick={() => onRemark({ assignmentId: link.assignmentId, cells: row })}
                        >
                          Замечание
                        </Button>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
            {table.total && (
              <Table.Tr fw={700}>
                {table.total.map((v, j) => (
                  <Table.Td key={j} style={{ textAlign: align(table.columns[j]!) }}>
                    {formatCell(v, table.columns[j]!.kind)}
                  </Table.Td>
                ))}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.notes?.map((note) => (
        <Text key={note} size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      ))}
    </div>
  );
}
