import { useState } from 'react';
import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { contract, type BackupRetention, type BackupSchedule, type BackupStatus } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { useBackupMutation } from './queries';

/** When copies are made, and how many are kept. */
export function SettingsPanel({ status }: { status: BackupStatus }) {
  const [schedule, setSchedule] = useState<BackupSchedule>(status.schedule);
  const [retention, setRetention] = useState<BackupRetention>(status.retention);
  const saveSchedule = useBackupMutation((s: BackupSchedule) => invoke(contract.backup.setSchedule, s));
  const saveRetention = useBackupMutation((r: BackupRetention) => invoke(contract.backup.setRetention, r));
  const count = (key: keyof BackupRetention, label: string, min: number) => (
    <NumberInput
      label={label}
      w={150}
      min={min}
      max={365}
      value={retention[key]}
      onChange={(v) => setRetention({ ...retention, [key]: Number(v) || 0 })}
    />
  );

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={4}>Расписание и хранение</Title>
        <Group align="flex-end">
          <Checkbox
            label="Каждый день в"
            checked={schedule.dailyAt !== null}
            onChange={(e) => setSchedule({ ...schedule, dailyAt: e.currentTarget.checked ? '18:00' : null })}
          />
          <TextInput
            aria-label="Время ежедневной копии"
            placeholder="ЧЧ:ММ"
            w={80}
            disabled={schedule.dailyAt === null}
            value={schedule.dailyAt ?? ''}
            onChange={(e) => setSchedule({ ...schedule, dailyAt: e.currentTarget.value || null })}
          />
          <Checkbox
            label="При выходе из программы"
            checked={schedule.onExit}
            onChange={(e) => setSchedule({ ...schedule, onExit: e.currentTarget.checked })}
          />
          <Checkbox
            label="Перед обновлением базы"
            checked={schedule.beforeMigration}
            onChange={(e) => setSchedule({ ...schedule, beforeMigration: e.currentTarget.checked })}
          />
          <Button variant="default" loading={saveSchedule.isPending} onClick={() => saveSchedule.mutate(schedule)}>
            Сохранить расписание
          </Button>
        </Group>
        <Group align="flex-end">
          {count('daily', 'Ежедневных', 1)}
          {count('weekly', 'Еженедельных', 0)}
          {count('monthly', 'Ежемесячных', 0)}
          <Button variant="default" loading={saveRetention.isPending} onClick={() => saveRetention.mutate(retention)}>
            Сохранить хранение
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          На каждом носителе хранятся последние копии каждого дня, недели и месяца в указанном числе; более старые
          удаляются после удачной копии.
        </Text>
      </Stack>
    </Paper>
  );
}
