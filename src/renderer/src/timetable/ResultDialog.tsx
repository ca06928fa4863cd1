import { Alert, Button, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { RegenerationResult } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';

/** What saving the timetable did to the journal, and the lessons it kept because they already hold something. */
export function ResultDialog({
  result,
  onClose,
}: {
  result: (RegenerationResult & { from: string }) | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={result !== null} onClose={onClose} title="Расписание сохранено" centered size="lg">
      {result && (
        <Stack gap="sm" data-testid="timetable-result">
          <Text size="sm">
            С {ruDate(result.from)}: создано уроков — {result.created}, удалено пустых — {result.removed}.
          </Text>
          {result.kept.length > 0 ? (
            <>
              <Alert color="orange" variant="light" title={`Сохранены уроки с записями: ${result.kept.length}`}>
                В этих уроках уже есть отметки, пропуски, тема или домашнее задание, поэтому они остались на своих
                местах, хотя в новом расписании их нет. Перенесите или отметьте их в журнале.
              </Alert>
              <ScrollArea.Autosize mah={320}>
                <Table striped withTableBorder data-testid="kept-lessons">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Дата</Table.Th>
                      <Table.Th>Урок</Table.Th>
                      <Table.Th>Класс, предмет</Table.Th>
                      <Table.Th>Что есть</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.kept.map((k) => (
                      <Table.Tr key={k.lessonId}>
                        <Table.Td>{ruDate(k.date)}</Table.Td>
                        <Table.Td>{k.lessonNumber}</Table.Td>
                        <Table.Td>
                          {k.className}, {k.subjectName}
                          {k.subgroupName ? `, ${k.subgroupName}` : ''}
                        </Table.Td>
                        <Table.Td>{k.holds.join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Уроков с записями, которых нет в новом расписании, не нашлось.
            </Text>
          )}
          <Button onClick={onClose} data-testid="result-close">
            Закрыть
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
