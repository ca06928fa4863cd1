import { useContext, useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type SessionUser } from '../../../shared/contract';
import { describeError, isUnauthorized } from '../api/errors';
import { invoke } from '../api/invoke';
import { meKey } from '../api/queries';
import { forgetUserData } from '../app/queryClient';
import { ErrorStoreContext } from '../errors/ErrorStack';

/**
 * What a locked session shows instead of the journal: whose session it is and a password field. Only that
 * user's password opens it (the core checks, and counts wrong ones toward the lockout); anyone else ends the
 * session with «Сменить пользователя» and logs in as themselves.
 */
export function LockScreen({ user }: { user: SessionUser }) {
  const queryClient = useQueryClient();
  const errors = useContext(ErrorStoreContext);
  const [password, setPassword] = useState('');
  useEffect(() => errors?.clear(), [errors]);
  const unlock = useMutation({
    mutationFn: () => invoke(contract.auth.unlock, { password }),
    meta: { ownsErrors: true },
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
    onError: (e) => {
      setPassword('');
      // Too many wrong passwords ended the session: back to the login screen, the message goes with it.
      if (isUnauthorized(e)) forgetUserData(queryClient);
    },
  });
  const switchUser = useMutation({
    mutationFn: () => invoke(contract.auth.logout, {}),
    meta: { ownsErrors: true },
    onSettled: () => forgetUserData(queryClient),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== '') unlock.mutate();
  };
  const failure = unlock.error && describeError(unlock.error);

  return (
    <Center mih="100%" p="md" bg="gray.1" data-testid="lock-screen">
      <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text size="sm" c="dimmed">
                Журнал
              </Text>
              <Title order={1} size="h2">
                Сеанс заблокирован
              </Title>
            </div>
            <Text size="sm">
              Работу продолжит <b data-testid="lock-user">{user.fullName}</b>, введя свой пароль. Другой пользователь
              нажимает «Сменить пользователя».
            </Text>
            {failure && (
              <Alert color="red" variant="light" role="alert" data-testid="unlock-error">
                {failure.message}
              </Alert>
            )}
            <PasswordInput
              label="Пароль"
              name="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" fullWidth loading={unlock.isPending}>
              Разблокировать
            </Button>
            <Button variant="default" fullWidth onClick={() => switchUser.mutate()} loading={switchUser.isPending}>
              Сменить пользователя
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
