import { useState } from 'react';
import { Badge, Button, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type UserRow } from '../../../shared/contract';
import { roleNames } from '../../../shared/roles';
import { invoke } from '../api/invoke';
import { channelKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { CreateUserDialog } from './CreateUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { Loading } from '../errors/QueryGate';
import { useConfirmWithPassword } from '../session/ConfirmWithPassword';

/** Where wrong passwords came from, as the admin reads it. */
const sourceName = (source: string | null) =>
  source === null
    ? 'везде'
    : source === 'desktop'
      ? 'с этого компьютера'
      : source.startsWith('http ')
        ? `с адреса ${source.slice(5)}`
        : source;

/** Shown once: the one-time password is stored only hashed, so closing this dialog is the last chance to read it. */
function OneTimePassword({
  shown,
  onClose,
}: {
  shown: { login: string; password: string } | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={shown !== null} onClose={onClose} title="Временный пароль" centered>
      <Stack>
        <Text size="sm">
          Передайте пользователю <b>{shown?.login}</b> этот пароль. Он показывается один раз; при первом входе пароль
          нужно будет сменить.
        </Text>
        <Code block fz="xl" data-testid="one-time-password">
          {shown?.password}
        </Code>
        <Button onClick={onClose}>Пароль передан, закрыть</Button>
      </Stack>
    </Modal>
  );
}

/** The administrator's list of accounts: who holds which roles, who is disabled or locked out. */
export function UsersScreen() {
  const client = useQueryClient();
  const users = useChannel(contract.users.list, {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [shown, setShown] = useState<{ login: string; password: string } | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: channelKey(contract.users.list) });
  const reset = useMutation({
    mutationFn: ({ u, password }: { u: UserRow; password: string }) =>
      invoke(contract.users.resetPassword, { userId: u.id, password }).then((r) => ({
        login: u.login,
        password: r.oneTimePassword,
      })),
    onSuccess: (s) => {
      setShown(s);
      refresh();
    },
  });
  const setActive = useMutation({
    mutationFn: (v: { userId: number; active: boolean }) => invoke(contract.users.setActive, v),
    onSuccess: refresh,
  });
  const unlock = useMutation({
    mutationFn: (userId: number) => invoke(contract.users.unlock, { userId }),
    onSuccess: refresh,
  });

  const { confirm, dialog } = useConfirmWithPassword();
  if (users.error) return <ErrorPanel error={users.error} onRetry={() => void users.refetch()} />;
  if (!users.data) return <Loading />;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={3}>Пользователи</Title>
        <Button onClick={() => setCreating(true)} data-testid="user-create">
          Добавить пользователя
        </Button>
      </Group>
      <Table striped withTableBorder data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ФИО</Table.Th>
            <Table.Th>Логин</Table.Th>
            <Table.Th>Роли</Table.Th>
            <Table.Th w={230}>Состояние</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data.map((u) => (
            <Table.Tr key={u.id} data-testid={`user-${u.login}`}>
              <Table.Td>{u.fullName}</Table.Td>
              <Table.Td>{u.login}</Table.Td>
              <Table.Td>{u.roles.map((r) => roleNames[r]).join(', ')}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {!u.isActive && <Badge color="gray">отключён</Badge>}
                  {u.lockedUntil && (
                    <Badge color="red" title={u.lockedFrom.map(sourceName).join(', ')}>
                      {u.lockedFrom.includes(null) ? 'заблокирован' : 'вход заблокирован'} до{' '}
                      {u.lockedUntil.slice(11, 16)}
                    </Badge>
                  )}
                  {u.lockedUntil && !u.lockedFrom.includes(null) && (
                    <Text size="xs" c="dimmed" data-testid="locked-from">
                      {u.lockedFrom.map(sourceName).join(', ')}
                    </Text>
                  )}
                  {u.isActive && u.mustChangePassword && <Badge color="yellow">временный пароль</Badge>}
                  {u.isActive && !u.lockedUntil && !u.mustChangePassword && <Badge color="green">активен</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {u.lockedUntil && (
                    <Button size="xs" color="red" variant="light" onClick={() => unlock.mutate(u.id)}>
                      Разблокировать
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => setEditing(u)} data-testid="user-edit">
                    Изменить
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      confirm(`Сбросить пароль пользователя ${u.fullName} (${u.login}).`, (password) =>
                        reset.mutateAsync({ u, password }),
                      )
                    }
                  >
                    Сбросить пароль
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setActive.mutate({ userId: u.id, active: !u.isActive })}
                  >
                    {u.isActive ? 'Отключить' : 'Включить'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CreateUserDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(login, password) => {
          setCreating(false);
          setShown({ login, password });
          refresh();
        }}
      />
      <EditUserDialog
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
      <OneTimePassword shown={shown} onClose={() => setShown(null)} />
      {dialog}
    </Stack>
  );
}
