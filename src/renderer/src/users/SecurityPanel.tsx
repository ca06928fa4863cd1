import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type SecuritySettingsInput } from '../../../shared/contract';
import { fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { queryKey } from '../api/keys';
import { meKey } from '../api/queries';
import { useChannel } from '../api/useChannel';
import { useChannelForm } from '../api/useChannelForm';
import { ErrorPanel } from '../errors/ErrorPanel';
import { Loading } from '../errors/QueryGate';

const securityKey = queryKey(contract.users.security, {});

/** Администрирование → Безопасность: when an idle session locks, and how wrong passwords lock an account. */
export function SecurityPanel() {
  const current = useChannel(contract.users.security, {});
  if (current.error) return <ErrorPanel error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Loading />;
  return <SecurityForm saved={current.data} />;
}

function SecurityForm({ saved }: { saved: SecuritySettingsInput }) {
  const client = useQueryClient();
  const form = useChannelForm(contract.users.setSecurity, { initialValues: saved, toInput: (v) => v });
  const save = useMutation({
    mutationFn: (value: SecuritySettingsInput) => invoke(contract.users.setSecurity, value),
    onSuccess: (saved) => {
      client.setQueryData(securityKey, saved);
      // The admin's own window takes the new idle limit at once.
      void client.invalidateQueries({ queryKey: meKey });
    },
    onError: (e) => form.setErrors(fieldErrorsOf(e)),
  });

  const field = (key: keyof SecuritySettingsInput, label: string, description: string) => (
    <NumberInput
      label={label}
      description={description}
      w={260}
      value={form.values[key]}
      allowDecimal={false}
      // An emptied field is no number, and the schema says so.
      onChange={(v) => form.setFieldValue(key, typeof v === 'number' ? v : Number.NaN)}
      error={form.errors[key]}
    />
  );
  const submit = form.onSubmit((input) => save.mutate(input));

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
          Неверные пароли считаются отдельно для каждого компьютера: подбор пароля с чужого адреса не мешает учителю
          войти со своего места. Если подбирают с трёх адресов сразу, учётная запись блокируется везде.
        </Text>
        <Group>
          <Button onClick={() => submit()} loading={save.isPending} data-testid="security-save">
            Сохранить
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="green.8">
              Сохранено
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
