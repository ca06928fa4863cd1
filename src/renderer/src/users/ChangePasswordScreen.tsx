import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type SessionUser } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { meKey } from '../api/queries';
import { forgetUserData } from '../app/queryClient';

/** After a one-time password nothing else opens: the core refuses every other call until this succeeds. */
export function ChangePasswordScreen({ user }: { user: SessionUser }) {
  const queryClient = useQueryClient();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => invoke(contract.auth.changePassword, { oldPassword, newPassword }),
    meta: { ownsErrors: true },
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
  const logout = useMutation({
    mutationFn: () => invoke(contract.auth.logout, {}),
    meta: { ownsErrors: true },
    onSettled: () => forgetUserData(queryClient),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword === repeat) change.mutate();
  };
  const failure = change.error && describeError(change.error);

  return (
    <Center mih="100%" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text size="sm" c="dimmed">
                {user.fullName}
              </Text>
              <Title order={1} size="h2">
                Смена пароля
              </Title>
            </div>
            <Text size="sm">
              Вы вошли с временным паролем. Придумайте свой: не короче 8 символов, с буквами и цифрами, не совпадающий с
              логином.
            </Text>
            {failure && (
              <Alert color="red" variant="light" role="alert" data-testid="change-password-error">
                {failure.message}
              </Alert>
            )}
            <PasswordInput
              label="Временный пароль"
              name="old-password"
              autoComplete="current-password"
              autoFocus
              value={oldPassword}
              onChange={(e) => setOld(e.currentTarget.value)}
            />
            <PasswordInput
              label="Новый пароль"
              name="new-password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
            />
            <PasswordInput
              label="Новый пароль ещё раз"
              name="repeat-password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? 'Пароли не совпадают' : undefined}
            />
            <Group grow>
              <Button variant="default" onClick={() => logout.mutate()}>
                Выйти
              </Button>
              <Button type="submit" loading={change.isPending}>
                Сменить пароль
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
