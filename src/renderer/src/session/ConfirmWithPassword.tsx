import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';

interface Pending {
  what: string;
  run(password: string): Promise<unknown>;
}

/**
 * The one dialog for every change a session alone may not make (a backup destination, «Школьная сеть», a reset of
 * someone's password): it asks the admin's own password and runs the change with it. The server checks the
 * password and counts a wrong one like a failed login; its refusal is shown here, the dialog staying open.
 */
export function useConfirmWithPassword(): {
  confirm(what: string, run: (password: string) => Promise<unknown>): void;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setPending(null);
    setPassword('');
    setError(null);
  };
  const dialog = (
    <Modal opened={pending !== null} onClose={close} title="Подтвердите своим паролем" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!pending) return;
          setBusy(true);
          setError(null);
          pending
            .run(password)
            .then(close, (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
            .finally(() => setBusy(false));
        }}
      >
        <Stack>
          <Text size="sm">{pending?.what}</Text>
          <Text size="sm" c="dimmed">
            Это изменение нельзя сделать только по открытому сеансу: введите пароль, с которым вы входите в Журнал.
          </Text>
          <PasswordInput
            label="Ваш пароль"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-autofocus
            data-testid="step-up-password"
          />
          {error && (
            <Alert color="red" data-testid="step-up-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button type="submit" loading={busy} disabled={!password} data-testid="step-up-confirm">
              Подтвердить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
  return { confirm: (what, run) => setPending({ what, run }), dialog };
}
