import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type SessionUser } from '../../../shared/contract';
import { roleNames } from '../../../shared/roles';
import { invoke } from '../api/invoke';
import { forgetUserData, lockUserData } from '../app/queryClient';

/** Who is logged in and the way out: staffroom computers are shared, so «Выйти» is always in sight. */
export function UserMenu({ user }: { user: SessionUser }) {
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => invoke(contract.auth.logout, {}),
    // Whatever the server says, this window forgets the user: a failed logout must not leave the journal open.
    meta: { ownsErrors: true },
    onSettled: () => forgetUserData(queryClient),
  });
  // Stepping away from a shared computer for a minute without logging out.
  const lock = useMutation({
    mutationFn: () => invoke(contract.auth.lock, { cause: 'manual' }),
    meta: { ownsErrors: true },
    onSettled: () => lockUserData(queryClient),
  });
  return (
    <Group gap="md" wrap="nowrap">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600} data-testid="user-name">
          {user.shortName}
        </Text>
        <Text size="xs" c="dimmed" data-testid="user-roles">
          {user.roles.map((r) => roleNames[r]).join(', ')}
        </Text>
      </Stack>
      <Button variant="subtle" size="sm" onClick={() => lock.mutate()} loading={lock.isPending}>
        Заблокировать
      </Button>
      <Button variant="default" size="sm" onClick={() => logout.mutate()} loading={logout.isPending}>
        Выйти
      </Button>
    </Group>
  );
}
