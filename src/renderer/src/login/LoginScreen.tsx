import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { describeError, isUnauthorized } from '../api/errors';
import { invoke } from '../api/invoke';
import { meKey } from '../api/queries';
import { useChannelForm } from '../api/useChannelForm';
import type { SetupOutcome } from '../setup/FirstStartScreen';
import { DemoLoginsHint } from './DemoLoginsHint';

export function LoginScreen({
  schoolName,
  isDemo,
  setup,
}: {
  schoolName: string | null;
  isDemo: boolean;
  setup: SetupOutcome | null;
}) {
  const queryClient = useQueryClient();
  const form = useChannelForm(contract.auth.login, {
    initialValues: { login: setup?.kind === 'school' ? setup.login : '', password: '' },
    toInput: (v) => v,
  });
  const mutation = useMutation({
    mutationFn: (input: { login: string; password: string }) => invoke(contract.auth.login, input),
    meta: { ownsErrors: true },
    onSuccess: (user) => queryClient.setQueryData(meKey, user),
    onError: () => form.setFieldValue('password', ''),
  });
  const hasLogin = form.values.login !== '';

  const failure =
    mutation.error &&
    (isUnauthorized(mutation.error) ? { title: null, message: mutation.error.message } : describeError(mutation.error));

  return (
    <Center mih="100%" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} radius="md">
        <form onSubmit={form.onSubmit((input) => mutation.mutate(input))} noValidate>
          <Stack gap="md">
            <div>
              {schoolName && (
                <Text size="sm" c="dimmed" data-testid="school-name">
                  {schoolName}
                </Text>
              )}
              <Title order={1} size="h2">
                Вход в Журнал
              </Title>
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
              autoFocus={!hasLogin}
              {...form.getInputProps('login')}
            />
            <PasswordInput
              label="Пароль"
              name="password"
              autoComplete="current-password"
              autoFocus={hasLogin}
              {...form.getInputProps('password')}
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
