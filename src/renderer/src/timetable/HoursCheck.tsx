import { Badge, Group, Text } from '@mantine/core';
import type { ClassTimetable } from '../../../shared/contract';
import type { DraftEntry } from './draft';

/** Each assignment's lessons in the week against its hours: the admin sees at once what is still to place. */
export function HoursCheck({ view, draft }: { view: ClassTimetable; draft: readonly DraftEntry[] }) {
  if (view.assignments.length === 0)
    return <Text c="dimmed">У класса нет нагрузки: сначала задайте её на странице «Нагрузка».</Text>;
  return (
    <Group gap={6} data-testid="timetable-hours">
      {view.assignments.map((a) => {
        const placed = draft.filter((d) => d.assignmentId === a.id).length;
        const color = placed === a.hoursPerWeek ? 'green' : placed < a.hoursPerWeek ? 'orange' : 'red';
        return (
          <Badge key={a.id} color={color} variant="light" size="lg" style={{ textTransform: 'none' }}>
            {a.subjectName}
            {a.subgroupName ? ` (${a.subgroupName})` : ''}: {placed} из {a.hoursPerWeek}
          </Badge>
        );
      })}
    </Group>
  );
}
