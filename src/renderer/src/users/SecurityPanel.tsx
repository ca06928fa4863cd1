import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type SecuritySettingsInput } from '../../../shared/contract';
import { checkAgainst, fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { queryKey } from '../api/keys';
import { meKey } from '../api/queries';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { Loading } from '../errors/QueryGate';

const securityKey = queryKey(contract.users.security, {});

/** Администрирование → Безопасность: when an idle session locks, and how wrong passwords lock an account. */
export function SecurityPanel() {
  const client = useQueryClient();
  const current = useChannel(contract.users.security, {});
  const [form, setForm] = useState<SecuritySettingsInput | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (current.data) setForm(current.data);
  }, [current.data]);
  const save = useMutation({
    mutationFn: (value: SecuritySettingsInput) => invoke(contract.users.setSecurity, value),
    onSuccess: (saved) => {
      client.setQueryData(securityKey, saved);
      // The admin's own window takes the new idle limit at once.
      void client.invalidateQueries({ queryKey: meKey });
    },
    onError: (e) => setErrors(fieldErrorsOf(e)),
  });

  if (current.error) return <ErrorPanel error={current.error} onRetry={() => void current.refetch()} />;
  if (!form) return <Loading />;

  const field = (key: keyof SecuritySettingsInput, label: string, description: string) => (
    <NumberInput
      label={label}
      description={description}
      w={260}
      value={form[key]}
      allowDecimal={false}
      onChange={(v) => setForm({ ...form, [key]: typeof v === 'number' ? v : Number.NaN })}
      error={errors[key]}
    />
  );
  const submit = () => {
    const found = checkAgainst(contract.users.setSecurity.input, form);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(form);
  };

  return (
    <Paper withBorder p="md" maw={900}>
      <Stack gap="md">
        <Title order={4}>Безопасность</Title>
        <Group align="flex-start">
          {field('idleLockMinutes', 'Блокировка при бездействии, мин', 'Без мыши и клавиатуры')}
          {field('lockoutThreshold', 'Неверных паролей до блокировки', 'Подряд с одного компьютера')}
          {field('lockoutMinutes', 'Блокировка входа, мин', 'Потом вход снова открыт')}
        </Group>
        <Text size="sm" c="dimmed">
          Неверные пароли считаются отдельно для каждого компьютера: подбор пароля с чужого адреса не мешает учителю войти со своего места. Если подбирают с трёх адресов сразу, учётная запись блокируется везде.
        </Text>
        <Group>
          <Button onClick={submit} loading={save.isPending} data-testid="security-save">
            Сохранить
          </Button>
          {save.isSuccess && <Text size="sm" c="green.8">Сохранено</Text>}
        </Group>
      </Stack>
    </Paper>
  );
}
