import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { todayIso } from '../../../shared/dates';
import { useChannel } from '../api/useChannel';
import { CallError, useStructureCall } from './common';
import { DateField } from '../dates/DateField';

/** Who is in a subgroup from a date: ticking a student in another subgroup moves them here from that date. */
export function MembersDialog({
  subgroup,
  canEdit,
  onClose,
}: {
  subgroup: { id: number; title: string } | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const [date, setDate] = useState(todayIso());
  const [order, setOrder] = useState('');
  const [chosen, setChosen] = useState<number[] | null>(null);
  const members = useChannel(
    contract.structure.subgroupMembers,
    { subgroupId: subgroup?.id ?? 0, date },
    { enabled: subgroup !== null && /^\d{4}-\d\d-\d\d$/.test(date) },
  );
  useEffect(
    () => setChosen(members.data ? members.data.filter((m) => m.inSubgroup).map((m) => m.studentId) : null),
    [members.data],
  );
  const save = useStructureCall(contract.structure.setSubgroupMembers, onClose);
  return (
    <Modal opened={subgroup !== null} onClose={onClose} title={`Состав: ${subgroup?.title ?? ''}`} centered size="lg">
      <Stack gap="sm">
        <Group grow>
          <DateField label="На дату (изменения — с этой даты)" value={date} onChange={(v) => setDate(v)} />
          {canEdit && (
            <TextInput
              label="Приказ № (необязательно)"
              value={order}
              onChange={(e) => setOrder(e.currentTarget.value)}
            />
          )}
        </Group>
        <ScrollArea.Autosize mah={420}>
          <Stack gap={6}>
            {members.data?.map((m) => (
              <Checkbox
                key={m.studentId}
                disabled={!canEdit}
                checked={chosen?.includes(m.studentId) ?? false}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChosen((c) => (on ? [...(c ?? []), m.studentId] : (c ?? []).filter((id) => id !== m.studentId)));
                }}
                label={
                  <Text size="sm">
                    {m.name}
                    {m.otherSubgroup && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        — сейчас в «{m.otherSubgroup}»
                      </Text>
                    )}
                  </Text>
                }
              />
            ))}
            {members.data?.length === 0 && <Text c="dimmed">В классе на эту дату нет учеников.</Text>}
          </Stack>
        </ScrollArea.Autosize>
        <CallError error={save.error ?? members.error} />
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button
              loading={save.isPending}
              disabled={!chosen || !subgroup}
              onClick={() =>
                subgroup &&
                chosen &&
                save.mutate({ subgroupId: subgroup.id, date, studentIds: chosen, orderNumber: order || undefined })
              }
            >
              Сохранить состав
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
