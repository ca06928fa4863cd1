import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { checkAgainst, fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';

const empty = { schoolName: '', lastName: '', firstName: '', middleName: '', login: '', password: '', repeat: '' };
type Form = typeof empty;

function toInput(f: Form) {
  return {
    schoolName: f.schoolName,
    admin: {
      login: f.login.trim(),
      password: f.password,
      lastName: f.lastName,
      firstName: f.firstName,
      ...(f.middleName.trim() ? { middleName: f.middleName } : {}),
    },
  };
}

export function CreateSchoolForm({ onCreated }: { onCreated(login: string): void }) {
  const [form, setForm] = useState<Form>(empty);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: (input: ReturnType<typeof toInput>) => invoke(contract.setup.createSchool, input),
    meta: { ownsErrors: true },
    onSuccess: (_none, input) => onCreated(input.admin.login),
  });
  const serverFieldErrors = fieldErrorsOf(mutation.error);
  const errors: FieldErrors = { ...serverFieldErrors, ...clientErrors };
  const generalError = mutation.error && Object.keys(serverFieldErrors).length === 0 ? describeError(mutation.error) : null;

  const field = (key: keyof Form, path: string) => ({
    value: form[key],
    error: errors[path],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(form);
    const found = checkAgainst(contract.setup.createSchool.input, input);
    if (!found['admin.password'] && form.password !== form.repeat) found.repeat = 'Пароли не совпадают';
    setClientErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {generalError && (
          <Alert color="red" variant="light" title={generalError.title} role="alert">
            {generalError.message}
          </Alert>
        )}
        <TextInput label="Название школы" placeholder="МБОУ «Средняя школа № 1»" {...field('schoolName', 'schoolName')} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Фамилия" autoComplete="family-name" {...field('lastName', 'admin.lastName')} />
          <TextInput label="Имя" autoComplete="given-name" {...field('firstName', 'admin.firstName')} />
          <TextInput label="Отчество" autoComplete="additional-name" {...field('middleName', 'admin.middleName')} />
        </SimpleGrid>
        <TextInput
          label="Логин администратора"
          description="Латинские буквы, цифры, точка, дефис"
          autoComplete="username"
          {...field('login', 'admin.login')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <PasswordInput label="Пароль" autoComplete="new-password" {...field('password', 'admin.password')} />
          <PasswordInput label="Пароль ещё раз" autoComplete="new-password" {...field('repeat', 'repeat')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Button type="submit" loading={mutation.isPending}>
            Создать школу
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
