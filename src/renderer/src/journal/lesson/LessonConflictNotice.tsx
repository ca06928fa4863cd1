import { Alert, Button, Group, Text } from '@mantine/core';
import type { JournalGrid } from '../../../../shared/contract';
import type { LessonConflict } from './useLessonUpdate';

const fieldNames: Record<string, string> = {
  topic: 'тема',
  planTopicId: 'тема из КТП',
  homework: 'домашнее задание',
  workKindId: 'вид работы',
  givenById: 'кто провёл урок',
  status: 'урок проведён или нет',
};

const statusNames: Record<string, string> = { planned: 'не отмечен', held: 'проведён', not_held: 'не проведён' };

function shown(grid: JournalGrid, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '«пусто»';
  if (field === 'workKindId') return `«${grid.workKinds.find((k) => k.id === value)?.name ?? value}»`;
  if (field === 'planTopicId') return `«${grid.planTopics.find((t) => t.id === value)?.title ?? value}»`;
  if (field === 'status') return `«${statusNames[String(value)] ?? value}»`;
  if (field === 'givenById') return 'другой учитель';
  return `«${String(value)}»`;
}

interface Props {
  conflict: LessonConflict;
  grid: JournalGrid;
  onKeep(): void;
  onMine(conflict: LessonConflict): void;
}

/** Someone else changed the lesson while this teacher typed: each field both ways, and the teacher's choice. */
export function LessonConflictNotice({ conflict, grid, onKeep, onMine }: Props) {
  const fields = Object.keys(conflict.theirs);
  const mine = conflict.changes as Record<string, unknown>;
  const theirs = conflict.theirs as Record<string, unknown>;
  return (
    <Alert color="red" variant="light" mt="xs" title="Урок уже изменили" data-testid="lesson-conflict">
      {fields.map((f) => (
        <Text size="sm" key={f}>
          {fieldNames[f] ?? f}: {conflict.by ?? 'другой пользователь'} сохранил(а) {shown(grid, f, theirs[f])}, вы ввели{' '}
          {shown(grid, f, mine[f])}
        </Text>
      ))}
      <Group gap="xs" mt="xs">
        <Button size="compact-sm" variant="default" onClick={onKeep} data-testid="lesson-conflict-keep">
          Оставить их значение
        </Button>
        <Button size="compact-sm" onClick={() => onMine(conflict)} data-testid="lesson-conflict-mine">
          Записать моё
        </Button>
      </Group>
    </Alert>
  );
}
