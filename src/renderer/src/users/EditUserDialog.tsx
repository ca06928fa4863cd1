import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type UserRow } from '../../../shared/contract';
import { roleNames, roles, type Role } from '../../../shared/roles';
import { invoke } from '../api/invoke';

/** The name and the roles of an existing account; each change is audited with the old value. */
export function EditUserDialog({ user, onClose, onSaved }: { user: UserRow | null; onClose(): void; onSaved(): void }) {
  const [name, setName] = useState({ lastName: '', firstName: '', middleName: '' });
  const [chosen, setChosen] = useState<Role[]>([]);
  // Roles are a dangerous change: the admin's own password again, checked by the server (step-up).
  const [password, setPassword] = useState('');
  useEffect(() => {
    if (!user) return;
    setName({ lastName: user.lastName, firstName: user.firstName, middleName: user.middleName ?? '' });
    setChosen(user.roles);
    setPassword('');
  }, [user]);
  const rolesChanged =
    user !== null && !(chosen.length === user.roles.length && chosen.every((r) => user.roles.includes(r)));
  const save = useMutation({
    mutationFn: async (u: UserRow) => {
      const renamed =
        name.lastName !== u.lastName || name.firstName !== u.firstName || name.middleName !== (u.middleName ?? '');
      if (renamed) await invoke(contract.users.rename, { userId: u.id, ...name });
      if (rolesChanged) await invoke(contract.users.setRoles, { userId: u.id, roles: chosen, password });
    },
    onSuccess: onSaved,
  });
  const field = (key: keyof typeof name, label: string) => (
    <TextInput
      label={label}
      name={key}
      value={name[key]}
      onChange={(e) => setName({ ...name, [key]: e.currentTarget.value })}
    />
  );
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Изменить: ${user.login}` : ''} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (user) save.mutate(user);
        }}
      >
        <Stack gap="sm">
          {field('lastName', 'Фамилия')}
          {field('firstName', 'Имя')}
          {field('middleName', 'Отчество')}
          <Checkbox.Group label="Роли" value={chosen} onChange={(v) => setChosen(v as Role[])}>
            <Stack gap={6} mt={6}>
              {roles.map((r) => (
                <Checkbox key={r} value={r} label={roleNames[r]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="xs" c="dimmed">
            После смены ролей пользователь войдёт в журнал заново.
          </Text>
          {rolesChanged && (
            <PasswordInput
              label="Ваш пароль администратора"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="user-edit-password"
            />
          )}
          {save.error && <Alert color="red">{save.error.message}</Alert>}
          <Button type="submit" loading={save.isPending} data-testid="user-edit-submit">
            Сохранить
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
