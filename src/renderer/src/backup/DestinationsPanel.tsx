import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { contract, type BackupStatus } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { size } from './format';
import { useBackupMutation } from './queries';
import { useConfirmWithPassword } from '../session/ConfirmWithPassword';

/** Where copies go: the admin's folders and the drives plugged in now, each with its space and last outcome. */
export function DestinationsPanel({ status }: { status: BackupStatus }) {
  const [path, setPath] = useState('');
  const add = useBackupMutation((input: { path: string; label?: string; password: string }) =>
    invoke(contract.backup.addDestination, input),
  );
  const { confirm, dialog } = useConfirmWithPassword();
  const addFolder = (folder: { path: string; label?: string }, then?: () => void) =>
    confirm(`Копировать журнал в «${folder.label ?? folder.path}».`, (password) =>
      add.mutateAsync({ ...folder, password }).then(then),
    );
  const remove = useBackupMutation((p: string) => invoke(contract.backup.removeDestination, { path: p }));
  const running = status.running;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Куда копировать</Title>
        <Table verticalSpacing="xs" data-testid="backup-destinations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Носитель</Table.Th>
              <Table.Th>Свободно</Table.Th>
              <Table.Th>Последняя удачная копия</Table.Th>
              <Table.Th>Ошибка</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.destinations.map((d) => {
              const progress = running?.destinations.find((x) => x.path === d.path);
              return (
                <Table.Tr key={d.path} data-testid="backup-destination">
                  <Table.Td>
                    <Text fw={500}>{d.label}</Text>
                    <Text size="xs" c="dimmed">
                      {d.path}
                    </Text>
                    {!d.available && (
                      <Badge color="gray" variant="light" tt="none">
                        не подключён
                      </Badge>
                    )}
                    {progress && (
                      <Text size="xs" c="blue">
                        записано {size(progress.written)}
                        {progress.total ? ` из ${size(progress.total)}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{size(d.freeBytes)}</Table.Td>
                  <Table.Td>{d.lastSuccessAt ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="red">
                      {d.lastError ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Убрать ${d.label}`}
                      title="Убрать из списка (копии на носителе останутся)"
                      onClick={() => remove.mutate(d.path)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {status.destinations.length === 0 && (
          <Text c="dimmed">Добавьте хотя бы два носителя: например, второй диск и флешку.</Text>
        )}
        {status.detected.length > 0 && (
          <Group gap="xs">
            <Text size="sm">Подключены:</Text>
            {status.detected.map((d) => (
              <Button
                key={d.path}
                size="compact-sm"
                variant="light"
                onClick={() => addFolder({ path: d.path, label: d.label })}
              >
                Добавить {d.label}
              </Button>
            ))}
          </Group>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            addFolder({ path }, () => setPath(''));
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="Папка на диске этого компьютера (второй диск, флешка)"
              placeholder={'/mnt/backup или D:\\Копии'}
              w={420}
              value={path}
              onChange={(e) => setPath(e.currentTarget.value)}
            />
            <Button type="submit" variant="default" loading={add.isPending} disabled={path.trim() === ''}>
              Добавить папку
            </Button>
          </Group>
        </form>
      </Stack>
      {dialog}
    </Paper>
  );
}
