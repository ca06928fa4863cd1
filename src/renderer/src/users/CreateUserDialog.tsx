import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { roleNames, roles, type Role } from '../../../shared/roles';
import { checkAgainst, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';

const empty = { login: '', lastName: '', firstName: '', middleName: '' };

/** A new account: the core answers with the one-time password, which the caller shows once. */
export function CreateUserDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (login: string, password: string) => void }) {
  const [form, setForm] = useState(empty);
  const [chosen, setChosen] = useState<Role[]>(['teacher']);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (input: typeof form & { roles: Role[] }) => invoke(contract.users.create, input),
    onSuccess: (r) => {
      onCreated(form.login.trim(), r.oneTimePassword);
      setForm(empty);
    },
  });
  const field = (key: keyof typeof empty, label: string) => (
    <TextInput label={label} name={key} value={form[key]} error={errors[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...form, roles: chosen };
    const found = checkAgainst(contract.users.create.input, input);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(input);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Новый пользователь" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {field('lastName', 'Фамилия')}
          {field('firstName', 'Имя')}
          {field('middleName', 'Отчество')}
          {field('login', 'Логин (латиницей)')}
          <Checkbox.Group label="Роли" value={chosen} onChange={(v) => setChosen(v as Role[])} error={errors.roles}>
            <Stack gap={6} mt={6}>
              {roles.map((r) => (
                <Checkbox key={r} value={r} label={roleNames[r]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button type="submit" loading={create.isPending} data-testid="user-create-submit">
            Создать
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
