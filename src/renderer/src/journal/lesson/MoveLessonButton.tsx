import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type JournalGrid } from '../../../../shared/contract';
import { invoke } from '../../api/invoke';
import { channelKey, domainKey } from '../../api/keys';
import { fieldErrorsOf } from '../../api/fieldErrors';
import type { EnsureReason } from '../useCorrectionReason';
import { DateField } from '../../dates/DateField';

type Lesson = JournalGrid['lessons'][number];
type Mode = 'move' | 'add';

/** «Перенести» this lesson to another date or number, or «Добавить урок» beyond the timetable. */
export function MoveLessonButton({
  grid,
  lesson,
  ensureReason,
}: {
  grid: JournalGrid;
  lesson: Lesson;
  ensureReason: EnsureReason;
}) {
  const client = useQueryClient();
  const [mode, setMode] = useState<Mode | null>(null);
  const [date, setDate] = useState(lesson.date);
  const [number, setNumber] = useState<number>(lesson.lessonNumber);
  const mutation = useMutation({
    mutationFn: async (m: Mode) => {
      const reason = await ensureReason();
      if (reason === null) return null;
      if (m === 'move')
        return invoke(contract.lessons.move, { lessonId: lesson.id, date, lessonNumber: number, reason });
      return invoke(contract.lessons.add, { assignmentId: grid.assignment.id, date, lessonNumber: number, reason });
    },
    meta: { ownsErrors: true },
    onSuccess: (saved) => {
      if (!saved) return;
      setMode(null);
      void client.invalidateQueries({
        queryKey: channelKey(contract.journal.grid, { assignmentId: grid.assignment.id }),
      });
      void client.invalidateQueries({ queryKey: domainKey('day') });
    },
  });
  const open = (m: Mode) => {
    setDate(lesson.date);
    setNumber(m === 'move' ? lesson.lessonNumber : Math.min(10, lesson.lessonNumber + 1));
    mutation.reset();
    setMode(m);
  };
  const errors = fieldErrorsOf(mutation.error);
  const general = mutation.error && !errors.date && !errors.lessonNumber ? (mutation.error as Error).message : null;

  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => open('move')}>
        Перенести…
      </Button>
      <Button size="compact-sm" variant="default" onClick={() => open('add')}>
        Добавить урок…
      </Button>
      <Modal
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode === 'move' ? 'Перенести урок' : 'Добавить урок вне расписания'}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (mode) mutation.mutate(mode);
          }}
        >
          <Stack>
            <DateField
              label="Дата"
              value={date}
              onChange={(v) => setDate(v)}
              error={errors.date}
              required
              data-autofocus
            />
            <NumberInput
              label="Номер урока"
              min={0}
              max={10}
              value={number}
              onChange={(v) => setNumber(Number(v))}
              error={errors.lessonNumber ?? general}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMode(null)}>
                Отмена
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {mode === 'move' ? 'Перенести' : 'Добавить'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
