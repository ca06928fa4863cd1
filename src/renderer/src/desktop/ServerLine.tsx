import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { desktopChannels } from '../../../shared/desktop';
import { invokeChannel } from '../api/invoke';
import { useDesktopMode, useSwitchedJournal } from './mode';

/** Under the login of a client: which server it uses, and «Другой сервер…», which needs the administrator. */
export function ServerLine() {
  const mode = useDesktopMode();
  const [open, setOpen] = useState(false);
  const server = mode.data?.mode === 'client' ? mode.data.server : null;
  if (!server) return null;
  return (
    <Text size="sm" c="dimmed" ta="center" mt="md">
      Журнал школьного сервера {server.address}
      {server.saved && (
        <>
          {' · '}
          <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)}>
            Другой сервер…
          </Anchor>
          <Modal opened={open} onClose={() => setOpen(false)} title="Подключить к другому серверу">
            <SwitchServerForm />
          </Modal>
        </>
      )}
    </Text>
  );
}

function SwitchServerForm() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const switched = useSwitchedJournal();
  const forget = useMutation({
    mutationFn: () => invokeChannel(desktopChannels.switchServer, { login, password }),
    onSuccess: switched,
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        forget.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Войдите администратором ЭЖ этого сервера: после этого компьютер забудет сервер и предложит подключиться
          заново.
        </Text>
        <TextInput
          label="Логин администратора"
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          required
        />
        <PasswordInput label="Пароль" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
        {forget.error && <Alert color="red">{forget.error.message}</Alert>}
        <Group>
          <Button type="submit" loading={forget.isPending}>
            Сменить сервер
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
