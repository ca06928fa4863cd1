import { Button, Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type InputOf } from '../../../shared/contract';
import { roleNames, roles, type Role } from '../../../shared/roles';
import { invoke } from '../api/invoke';
import { useChannelForm } from '../api/useChannelForm';

const empty = { login: '', lastName: '', firstName: '', middleName: '' };

/** A new account: the core answers with the one-time password, which the caller shows once. */
export function CreateUserDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (login: string, password: string) => void;
}) {
  const form = useChannelForm(contract.users.create, {
    initialValues: { ...empty, roles: ['teacher'] as Role[] },
    toInput: (v) => v,
  });
  const create = useMutation({
    mutationFn: (input: InputOf<typeof contract.users.create>) => invoke(contract.users.create, input),
    onSuccess: (r, input) => {
      onCreated(input.login.trim(), r.oneTimePassword);
      // The roles stay as chosen: the next account is often of the same kind.
      form.setValues(empty);
    },
  });
  const field = (key: keyof typeof empty, label: string) => (
    <TextInput label={label} name={key} {...form.getInputProps(key)} />
  );

  return (
    <Modal opened={opened} onClose={onClose} title="Новый пользователь" centered>
      <form onSubmit={form.onSubmit((input) => create.mutate(input))} noValidate>
        <Stack gap="sm">
          {field('lastName', 'Фамилия')}
          {field('firstName', 'Имя')}
          {field('middleName', 'Отчество')}
          {field('login', 'Логин (латиницей)')}
          <Checkbox.Group label="Роли" {...form.getInputProps('roles')}>
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
