import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { desktopChannels, type FoundSchool } from '../../../shared/desktop';
import { invokeChannel } from '../api/invoke';
import { useSwitchedJournal } from './mode';

/**
 * Connecting this computer to the school's server: one found on the network or a typed address, and the
 * connection code shown on the server's «Школьная сеть» screen, compared once.
 */
export function ConnectForm() {
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const switched = useSwitchedJournal();
  const found = useQuery({
    queryKey: [desktopChannels.findSchools],
    queryFn: () => invokeChannel(desktopChannels.findSchools, {}) as Promise<{ schools: FoundSchool[] }>,
    staleTime: 10_000,
  });
  const connect = useMutation({
    mutationFn: () => invokeChannel(desktopChannels.connect, { address, code }),
    onSuccess: switched,
  });
  const schools = found.data?.schools ?? [];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        connect.mutate();
      }}
    >
      <Stack gap="sm">
        {schools.length > 0 && (
          <Group gap="xs">
            {schools.map((s) => (
              <Button
                key={`${s.host}:${s.port}`}
                variant="default"
                size="xs"
                onClick={() => setAddress(`${s.addresses[0] ?? s.host}:${s.port}`)}
              >
                {s.name} ({s.host})
              </Button>
            ))}
          </Group>
        )}
        {found.isSuccess && schools.length === 0 && (
          <Text size="sm" c="dimmed">
            Сервер в сети не найден сам: введите адрес с экрана «Школьная сеть» на компьютере, где хранится журнал.
          </Text>
        )}
        <TextInput
          label="Адрес сервера"
          placeholder="192.168.1.10 или uchitelskaya:8080"
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          required
        />
        <TextInput
          label="Код подключения"
          description="16 цифр с экрана «Школьная сеть» на сервере"
          placeholder="0000 0000 0000 0000"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          required
        />
        {connect.error && (
          <Alert color="red" title="Не удалось подключиться">
            {connect.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={connect.isPending}>
            Подключиться
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
