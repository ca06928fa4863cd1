import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { contract, type PupilCard } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { PupilCardDialog } from './PupilCardDialog';

const sexWords = { m: 'м', f: 'ж' } as const;

/**
 * Ученики: the pupils' cards of a class (birth date, address, parents and their phones). The class teacher
 * sees and corrects their own class; the secretary and the admin every class; the deputy reads them.
 */
export function PupilsScreen() {
  const [classId, setClassId] = useState<string | null>(null);
  const [editing, setEditing] = useState<PupilCard | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const classes = useChannel(contract.pupils.classes, {});
  const chosen = classId ?? (classes.data?.[0] ? String(classes.data[0].id) : null);
  const list = useChannel(contract.pupils.list, { classId: Number(chosen) }, { enabled: chosen !== null });

  if (classes.error) return <ErrorPanel error={classes.error} onRetry={() => void classes.refetch()} />;
  if (!classes.data)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Загрузка" />
      </Center>
    );
  if (classes.data.length === 0)
    return (
      <Text c="dimmed" p="md">
        Анкетные данные учеников видит классный руководитель своего класса; у вас класса нет.
      </Text>
    );
  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between">
        <Title order={3}>Ученики{list.data ? ` ${list.data.className} класса` : ''}</Title>
        <Select
          w={160}
          aria-label="Класс"
          data-testid="pupils-class"
          data={classes.data.map((c) => ({ value: String(c.id), label: `${c.name} (${c.pupils})` }))}
          value={chosen}
          onChange={(v) => {
            setClassId(v);
            setDone(null);
          }}
          allowDeselect={false}
          searchable
        />
      </Group>
      <Text size="sm" c="dimmed">
        Персональные данные: их видят классный руководитель, секретарь и администрация школы. Каждое исправление
        записывается в журнал действий вместе с прежним значением.
      </Text>
      {done && (
        <Alert color="green" withCloseButton onClose={() => setDone(null)} data-testid="pupils-done">
          {done}
        </Alert>
      )}
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Paper withBorder>
          <Table verticalSpacing={6} data-testid="pupils-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>№</Table.Th>
                <Table.Th>Фамилия, имя, отчество</Table.Th>
                <Table.Th>Дата рождения</Table.Th>
                <Table.Th>Пол</Table.Th>
                <Table.Th>Личное дело</Table.Th>
                <Table.Th>Адрес</Table.Th>
                <Table.Th>Родители (законные представители)</Table.Th>
                {list.data.mayEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.pupils.map((p, i) => (
                <Table.Tr key={p.studentId} data-testid={`pupil-${p.studentId}`} c={p.left ? 'dimmed' : undefined}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    {[p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ')}
                    {p.left && (
                      <Text size="xs" c="dimmed">
                        выбыл(а) {ruDate(p.left)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.birthDate ? ruDate(p.birthDate) : ''}</Table.Td>
                  <Table.Td>{p.gender ? sexWords[p.gender] : ''}</Table.Td>
                  <Table.Td>{p.personalFileNo}</Table.Td>
                  <Table.Td maw={220}>
                    <Text size="sm">{p.address}</Text>
                  </Table.Td>
                  <Table.Td>
                    {p.parents.map((r, j) => (
                      <Text size="sm" key={j}>
                        {r.fullName} ({r.relation}){r.phones.length > 0 && ': '}
                        {r.phones.map((phone, k) => (
                          <span key={k} style={{ whiteSpace: 'nowrap' }}>
                            {k > 0 && ', '}
                            {phone}
                          </span>
                        ))}
                      </Text>
                    ))}
                  </Table.Td>
                  {list.data.mayEdit && (
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(p)}>
                        Изменить
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && (
        <PupilCardDialog
          card={editing}
          onClose={() => setEditing(null)}
          onDone={(c) => {
            setEditing(null);
            setDone(`Карточка ученика ${c.lastName} ${c.firstName} сохранена`);
          }}
        />
      )}
    </Stack>
  );
}
