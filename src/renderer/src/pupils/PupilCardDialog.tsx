import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type PupilCard, type PupilCardInput } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannelForm } from '../api/useChannelForm';

interface ParentValues {
  fullName: string;
  relation: string;
  /** Typed as one line, separated by commas or semicolons. */
  phones: string;
}

interface CardValues {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  gender: string | null;
  personalFileNo: string;
  address: string;
  parents: ParentValues[];
}

const relations = ['мать', 'отец', 'опекун', 'попечитель', 'бабушка', 'дедушка', 'приёмный родитель'];

const phonesOf = (line: string) =>
  line
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A pupil card's fields, checked by the channel's schema as the server checks them. */
export function PupilCardDialog({
  card,
  onClose,
  onDone,
}: {
  card: PupilCard;
  onClose: () => void;
  onDone: (saved: PupilCard) => void;
}) {
  const client = useQueryClient();
  const form = useChannelForm(contract.pupils.save, {
    initialValues: {
      lastName: card.lastName,
      firstName: card.firstName,
      middleName: card.middleName ?? '',
      birthDate: card.birthDate ?? '',
      gender: card.gender,
      personalFileNo: card.personalFileNo ?? '',
      address: card.address ?? '',
      parents: card.parents.map((p) => ({ ...p, phones: p.phones.join(', ') })),
    } satisfies CardValues as CardValues,
    toInput: (v): PupilCardInput => ({
      studentId: card.studentId,
      lastName: v.lastName,
      firstName: v.firstName,
      middleName: v.middleName,
      birthDate: v.birthDate === '' ? null : v.birthDate,
      gender: v.gender === 'm' || v.gender === 'f' ? v.gender : null,
      personalFileNo: v.personalFileNo,
      address: v.address,
      parents: v.parents.map((p) => ({ fullName: p.fullName, relation: p.relation, phones: phonesOf(p.phones) })),
    }),
  });
  const save = useMutation({
    mutationFn: (input: PupilCardInput) => invoke(contract.pupils.save, input),
    meta: { ownsErrors: true },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: domainKey('pupils') });
      onDone(saved);
    },
    onError: (e) => form.setErrors(fieldErrorsOf(e)),
  });
  const failure = save.error ? describeError(save.error) : null;
  // A phone's message is on `parents.N.phones.M`: shown under the parent's one phone field.
  const phoneError = (i: number) =>
    Object.entries(form.errors).find(([k]) => k.startsWith(`parents.${i}.phones`))?.[1] ?? undefined;
  const parentsError = form.errors.parents;

  return (
    <Modal opened onClose={onClose} title="Карточка ученика" size="xl" centered>
      <form onSubmit={form.onSubmit((input) => save.mutate(input))} noValidate data-testid="pupil-form">
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <TextInput label="Фамилия" withAsterisk {...form.getInputProps('lastName')} />
            <TextInput label="Имя" withAsterisk {...form.getInputProps('firstName')} />
            <TextInput label="Отчество" {...form.getInputProps('middleName')} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <TextInput label="Дата рождения" type="date" {...form.getInputProps('birthDate')} />
            <Select
              label="Пол"
              data={[
                { value: 'm', label: 'мужской' },
                { value: 'f', label: 'женский' },
              ]}
              {...form.getInputProps('gender')}
            />
            <TextInput label="№ личного дела" {...form.getInputProps('personalFileNo')} />
          </SimpleGrid>
          <TextInput label="Домашний адрес" {...form.getInputProps('address')} />
          <Text fw={500} size="sm">
            Родители (законные представители)
          </Text>
          {form.values.parents.map((_, i) => (
            <Paper withBorder p="xs" key={i} data-testid={`parent-${i}`}>
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <TextInput
                  label="ФИО"
                  withAsterisk
                  style={{ flex: 3 }}
                  {...form.getInputProps(`parents.${i}.fullName`)}
                />
                <Select
                  label="Кем приходится"
                  withAsterisk
                  style={{ flex: 2 }}
                  data={relations}
                  searchable
                  {...form.getInputProps(`parents.${i}.relation`)}
                />
                <TextInput
                  label="Телефоны (через запятую)"
                  placeholder="+7 912 345-67-89"
                  style={{ flex: 3 }}
                  {...form.getInputProps(`parents.${i}.phones`)}
                  error={phoneError(i)}
                />
                <ActionIcon
                  mt={26}
                  variant="subtle"
                  color="red"
                  aria-label="Убрать"
                  onClick={() => form.removeListItem('parents', i)}
                >
                  ✕
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          {parentsError && (
            <Text c="red" size="sm">
              {parentsError}
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('parents', { fullName: '', relation: '', phones: '' })}
              disabled={form.values.parents.length >= 4}
            >
              Добавить родителя
            </Button>
          </Group>
          {failure && Object.keys(form.errors).length === 0 && (
            <Alert color="red" title={failure.title} data-testid="pupil-error">
              {failure.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
