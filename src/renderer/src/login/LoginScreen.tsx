import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { describeError, isUnauthorized } from '../api/errors';
import { checkAgainst, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { meKey } from '../api/queries';
import type { SetupOutcome } from '../setup/FirstStartScreen';
import { DemoLoginsHint } from './DemoLoginsHint';

export function LoginScreen({ schoolName, isDemo, setup }: { schoolName: string | null; isDemo: boolean; setup: SetupOutcome | null }) {
  const queryClient = useQueryClient();
  const [login, setLogin] = useState(setup?.kind === 'school' ? setup.login : '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: (input: { login: string; password: string }) => invoke(contract.auth.login, input),
    meta: { ownsErrors: true },
    onSuccess: (user) => queryClient.setQueryData(meKey, user),
    onError: () => setPassword(''),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { login, password };
    const errors = checkAgainst(contract.auth.login.input, input);
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate(input);
  };

  const failure = mutation.error && (isUnauthorized(mutation.error) ? { title: null, message: mutation.error.message } : describeError(mutation.error));

  return (
    <Center mih="100%" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              {schoolName && (
                <Text size="sm" c="dimmed" data-testid="school-name">
                  {schoolName}
                </Text>
              )}
              <Title order={2}>Вход в Журнал</Title>
            </div>
            {failure && (
              <Alert color="red" variant="light" title={failure.title} data-testid="login-error" role="alert">
                {failure.message}
              </Alert>
            )}
            <TextInput
              label="Логин"
              name="login"
              autoComplete="username"
              autoFocus={login === ''}
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              error={fieldErrors.login}
            />
            <PasswordInput
              label="Пароль"
              name="password"
              autoComplete="current-password"
              autoFocus={login !== ''}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Button type="submit" fullWidth loading={mutation.isPending}>
              Войти
            </Button>
            {isDemo && <DemoLoginsHint />}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
