import { useState } from 'react';
import { Button, Modal, Table, Text } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { useChannel } from '../api/useChannel';

const actionNames: Record<string, string> = {
  'mark.set': 'отметка',
  'mark.clear': 'отметка снята',
  'mark.conflict': 'отметка не сохранена (конфликт)',
  'absence.set': 'пропуск',
  'absence.clear': 'пропуск снят',
  'absence.conflict': 'пропуск не сохранён (конфликт)',
  'attendance.reason': 'причина пропуска',
};

/** An audit value as a teacher reads it: «5/4 (Контрольная работа)», «н», «—». */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  const mark = value as { value1?: string; value2?: string | null };
  if (mark.value1) return mark.value2 ? `${mark.value1}/${mark.value2}` : mark.value1;
  return JSON.stringify(value);
}

/** «История ячейки»: every change of the active cell from the audit log — who, when, old, new, why. */
export function CellHistoryButton({
  lessonId,
  studentId,
  studentName,
}: {
  lessonId: number;
  studentId: number;
  studentName: string;
}) {
  const [opened, setOpened] = useState(false);
  const history = useChannel(contract.journal.cellHistory, { lessonId, studentId }, { enabled: opened, staleTime: 0 });
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={() => setOpened(true)} data-testid="cell-history">
        История ячейки
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`История изменений: ${studentName}`} size="lg">
        {history.data?.length === 0 && <Text c="dimmed">Изменений не было.</Text>}
        {history.data && history.data.length > 0 && (
          <Table striped fz="sm" data-testid="cell-history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Когда</Table.Th>
                <Table.Th>Кто</Table.Th>
                <Table.Th>Что</Table.Th>
                <Table.Th>Было</Table.Th>
                <Table.Th>Стало</Table.Th>
                <Table.Th>Причина</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((h, i) => (
                <Table.Tr key={i}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.at}</Table.Td>
                  <Table.Td>{h.userName ?? '—'}</Table.Td>
                  <Table.Td>{actionNames[h.action] ?? h.action}</Table.Td>
                  <Table.Td>{shown(h.oldValue)}</Table.Td>
                  <Table.Td>{shown(h.newValue)}</Table.Td>
                  <Table.Td>{h.reason ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Modal>
    </>
  );
}
