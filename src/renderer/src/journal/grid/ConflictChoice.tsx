import type { ReactElement } from 'react';
import { Button, Popover, Stack, Text } from '@mantine/core';
import { cellText, type CellValue } from './cellState';
import type { CellConflict } from './conflicts';

interface Props {
  conflict: CellConflict | undefined;
  /** What the cell holds now: the other person's value, as the database answered. */
  theirs: CellValue;
  onKeep(conflict: CellConflict): void;
  onMine(conflict: CellConflict): void;
  /** The cell itself. */
  children: ReactElement;
}

const quoted = (v: CellValue) => `«${cellText(v) || 'пусто'}»`;

/** A cell someone else saved while this teacher typed: both values beside the cell and the teacher's choice. */
export function ConflictChoice({ conflict, theirs, onKeep, onMine, children }: Props) {
  if (!conflict) return children;
  return (
    <Popover opened position="bottom" withArrow shadow="md" width={300} trapFocus={false} returnFocus={false}>
      <Popover.Target>{children}</Popover.Target>
      <Popover.Dropdown data-testid="conflict-choice" onMouseDown={(e) => e.stopPropagation()}>
        <Text size="sm" fw={600} mb={4}>
          {conflict.by ?? 'Другой пользователь'} уже сохранил(а) здесь {quoted(theirs)}
        </Text>
        <Text size="sm" mb="xs">
          Вы ввели {quoted(conflict.mine)}. Какое значение оставить?
        </Text>
        <Stack gap={6}>
          <Button size="compact-sm" variant="default" onClick={() => onKeep(conflict)} data-testid="conflict-keep">
            Оставить {quoted(theirs)}
          </Button>
          <Button size="compact-sm" onClick={() => onMine(conflict)} data-testid="conflict-mine">
            Записать моё {quoted(conflict.mine)}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
