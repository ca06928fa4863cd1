import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ClassTimetable } from '../../../shared/contract';
import { weekdayNames } from '../../../shared/timetable';
import { newKey, type DraftEntry } from './draft';

export interface CellRef {
  weekday: number;
  lessonNumber: number;
}

/** One cell of the week: its lessons (two subgroups' side by side), each with its room. */
export function CellDialog({
  view,
  cell,
  draft,
  onClose,
  onDone,
}: {
  view: ClassTimetable;
  cell: CellRef | null;
  draft: readonly DraftEntry[];
  onClose: () => void;
  onDone: (entries: DraftEntry[]) => void;
}) {
  const [entries, setEntries] = useState<DraftEntry[]>([]);
  useEffect(() => {
    if (cell) setEntries(draft.filter((d) => d.weekday === cell.weekday && d.lessonNumber === cell.lessonNumber));
  }, [cell, draft]);
  const options = view.assignments.map((a) => ({
    value: String(a.id),
    label: `${a.subjectName}${a.subgroupName ? `, ${a.subgroupName}` : ''} — ${a.teacherName}`,
  }));
  const update = (key: string, patch: Partial<DraftEntry>) =>
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const add = () => {
    if (!cell) return;
    const used = new Set(entries.map((e) => e.assignmentId));
    // A split subject's other subgroup is the likely second lesson of the cell.
    const first = view.assignments.find((a) => a.id === entries[0]?.assignmentId);
    const sibling = first?.subgroupId
      ? view.assignments.find((a) => a.subgroupId && a.subjectName === first.subjectName && !used.has(a.id))
      : undefined;
    const pick = sibling ?? view.assignments.find((a) => !used.has(a.id));
    if (pick)
      setEntries((list) => [
        ...list,
        { key: newKey(), assignmentId: pick.id, weekday: cell.weekday, lessonNumber: cell.lessonNumber, room: null },
      ]);
  };
  return (
    <Modal
      opened={cell !== null}
      onClose={onClose}
      title={cell ? `${weekdayNames[cell.weekday]}, ${cell.lessonNumber}-й урок` : ''}
      centered
      size="lg"
    >
      <Stack gap="sm">
        {entries.length === 0 && (
          <Text c="dimmed" size="sm">
            Урока нет.
          </Text>
        )}
        {entries.map((e, i) => (
          <Group key={e.key} align="flex-end" wrap="nowrap">
            <Select
              label={i === 0 ? 'Предмет и учитель' : undefined}
              searchable
              data={options}
              value={String(e.assignmentId)}
              onChange={(v) => v && update(e.key, { assignmentId: Number(v) })}
              style={{ flex: 1 }}
              allowDeselect={false}
              data-testid={`cell-assignment-${i}`}
            />
            <TextInput
              label={i === 0 ? 'Кабинет' : undefined}
              w={100}
              value={e.room ?? ''}
              onChange={(ev) => update(e.key, { room: ev.currentTarget.value || null })}
              data-testid={`cell-room-${i}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => setEntries((list) => list.filter((x) => x.key !== e.key))}
              aria-label="Убрать урок"
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button variant="light" onClick={add} disabled={view.assignments.length === 0} data-testid="cell-add">
            {entries.length === 0 ? 'Поставить урок' : 'Добавить урок (подгруппу)'}
          </Button>
          <Button onClick={() => onDone(entries)} data-testid="cell-done">
            Готово
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
