import { useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type SchoolCalendar, type SchoolProfile } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { channelKey, domainKey } from '../api/keys';
import { setupStatusKey } from '../api/queries';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { calendarToSave } from './calendarEdit';
import { CalendarEditor } from './CalendarEditor';
import { ProfileFields } from './ProfileFields';
import { Loading } from '../errors/QueryGate';

function Saved({ at }: { at: boolean }) {
  return at ? (
    <Text size="sm" c="teal" role="status">
      Сохранено
    </Text>
  ) : null;
}

function ProfilePanel() {
  const client = useQueryClient();
  const query = useChannel(contract.profile.get, {});
  const [edited, setEdited] = useState<SchoolProfile | null>(null);
  const save = useMutation({
    mutationFn: (p: SchoolProfile) => invoke(contract.profile.save, p),
    meta: { ownsErrors: true },
    onSuccess: async () => {
      setEdited(null);
      await client.invalidateQueries({ queryKey: domainKey('profile') });
      await client.invalidateQueries({ queryKey: setupStatusKey });
    },
  });
  if (query.error) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const value = edited ?? query.data;
  if (!value) return <Loader size="sm" aria-label="Загрузка" />;
  return (
    <Stack gap="sm">
      <ProfileFields value={value} onChange={setEdited} errors={fieldErrorsOf(save.error)} />
      <Group justify="flex-end">
        <Saved at={save.isSuccess && edited === null} />
        <Button disabled={edited === null} loading={save.isPending} onClick={() => edited && save.mutate(edited)}>
          Сохранить сведения о школе
        </Button>
      </Group>
    </Stack>
  );
}

function CalendarPanel() {
  const client = useQueryClient();
  const query = useChannel(contract.calendar.get, {});
  const [edited, setEdited] = useState<SchoolCalendar | null>(null);
  const save = useMutation({
    mutationFn: (c: SchoolCalendar) =>
      invoke(contract.calendar.save, { yearId: query.data?.yearId ?? 0, calendar: calendarToSave(c) }),
    meta: { ownsErrors: true },
    onSuccess: async () => {
      setEdited(null);
      await client.invalidateQueries({ queryKey: channelKey(contract.calendar.get) });
      await client.invalidateQueries({ queryKey: domainKey('school') });
    },
  });
  if (query.error) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <Loader size="sm" aria-label="Загрузка" />;
  const error = save.error ? describeError(save.error) : null;
  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" variant="light" title={error.title} role="alert">
          {error.message}
        </Alert>
      )}
      <CalendarEditor value={edited ?? data.calendar} onChange={setEdited} periodsLocked={data.periodsLocked} />
      <Group justify="flex-end">
        <Saved at={save.isSuccess && edited === null} />
        {edited && (
          <Button variant="default" onClick={() => setEdited(null)}>
            Отменить изменения
          </Button>
        )}
        <Button disabled={edited === null} loading={save.isPending} onClick={() => edited && save.mutate(edited)}>
          Сохранить учебный год
        </Button>
      </Group>
    </Stack>
  );
}

/** Администрирование → «Школа»: what the first-start wizard asked, changed later. */
export function SchoolScreen() {
  const calendar = useChannel(contract.calendar.get, {});
  if (calendar.isPending) return <Loading />;
  return (
    <Stack gap="lg" maw={1100}>
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">
          Сведения о школе
        </Title>
        <ProfilePanel />
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">
          Учебный год {calendar.data?.calendar.year.name}
        </Title>
        <CalendarPanel />
      </Paper>
    </Stack>
  );
}
