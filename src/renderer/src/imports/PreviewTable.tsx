import { Badge, Group, Table } from '@mantine/core';
import type { ImportPreview } from '../../../shared/contract';

// In sentence case and never cut: a capitalised «БУДЕТ ДОБАВЛЕН» did not fit its column and read «БУДЕТ ДОБАВ…».
const badge = (color: string, text: string) => (
  <Badge
    color={color}
    variant="light"
    tt="none"
    styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}
  >
    {text}
  </Badge>
);
const statusBadge = {
  new: badge('teal', 'будет добавлен'),
  exists: badge('gray', 'уже есть'),
  error: badge('red', 'ошибка'),
};

/** What committing the file would do to each row; every error is shown, the rest only in part for a long file. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const shown = preview.rows.length;
  return (
    <>
      <Group gap="sm" data-testid="import-counts">
        <Badge variant="light" color="gray">
          Строк: {preview.total}
        </Badge>
        <Badge variant="light" color="teal">
          Новых: {preview.new}
        </Badge>
        <Badge variant="light" color="gray">
          Уже есть: {preview.exists}
        </Badge>
        <Badge variant="light" color={preview.errors ? 'red' : 'gray'}>
          С ошибками: {preview.errors}
        </Badge>
        {shown < preview.total && (
          <Badge variant="outline" color="gray">
            Показаны все ошибки и первые строки: {shown} из {preview.total}
          </Badge>
        )}
      </Group>
      <div style={{ maxHeight: 420, overflow: 'auto' }}>
        <Table striped withTableBorder data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Строка</Table.Th>
              <Table.Th>Что будет записано</Table.Th>
              <Table.Th w={160}>Итог</Table.Th>
              <Table.Th>Ошибка</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line} bg={r.error ? 'var(--mantine-color-red-0)' : undefined}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.summary}</Table.Td>
                <Table.Td>{statusBadge[r.status]}</Table.Td>
                <Table.Td c="red.8">{r.error}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
