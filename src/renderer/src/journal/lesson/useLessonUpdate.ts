import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  contract,
  isSaveConflict,
  type InputOf,
  type JournalGrid,
  type SessionUser,
} from '../../../../shared/contract';
import { dayMonth } from '../../../../shared/dates';
import { AppError } from '../../../../shared/errors';
import { domainKey } from '../../api/keys';
import { newSaveId, outbox, queuedCall } from '../../api/outbox';
import { gridKey, meKey } from '../../api/queries';
import type { EnsureReason } from '../useCorrectionReason';

type GridLesson = JournalGrid['lessons'][number];
type Input = InputOf<typeof contract.lessons.update>;
type Update = Omit<Input, 'lessonId' | 'reason' | 'expected' | 'saveId'>;
type Seen = NonNullable<Input['expected']>;

const seenFields = ['topic', 'planTopicId', 'homework', 'workKindId', 'givenById', 'status'] as const;

/** The fields a change touches, as the screen showed them: the server refuses if someone changed them since. */
const seenOf = (lesson: GridLesson | undefined, changes: Update): Seen =>
  lesson ? Object.fromEntries(seenFields.filter((f) => changes[f] !== undefined).map((f) => [f, lesson[f]])) : {};

/** Someone else changed the lesson while this teacher typed: their fields, and what this teacher wanted. */
export interface LessonConflict {
  lessonId: number;
  changes: Update;
  theirs: Seen;
  by: string | null;
}

/**
 * Saves a lesson's fields at once and puts the saved lesson into the page; a kind change reloads the marks'
 * colours. Without a connection the change waits in the outbox; a conflict is kept for the panel to show.
 */
export function useLessonUpdate(grid: JournalGrid, ensureReason: EnsureReason) {
  const client = useQueryClient();
  const key = gridKey(grid);
  const [conflict, setConflict] = useState<LessonConflict | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ lessonId, changes, seen }: { lessonId: number; changes: Update; seen?: Seen }) => {
      const reason = await ensureReason();
      if (reason === null) return null;
      const lesson = grid.lessons.find((l) => l.id === lessonId);
      const expected = seen ?? seenOf(lesson, changes);
      const sent = await outbox.submit({
        id: newSaveId(),
        userId: client.getQueryData<SessionUser | null>(meKey)?.id ?? 0,
        place: `lesson:${lessonId}`,
        label: `${grid.assignment.className}, ${grid.assignment.subjectName}: урок ${lesson ? dayMonth(lesson.date) : ''}`,
        value: changes,
        calls: [queuedCall(contract.lessons.update, { lessonId, ...changes, reason, expected })],
      });
      return sent.queued ? null : (sent.value as GridLesson);
    },
    onSuccess: (saved, { changes }) => {
      if (!saved) return;
      client.setQueryData<JournalGrid>(key, (g) =>
        g ? { ...g, lessons: g.lessons.map((l) => (l.id === saved.id ? saved : l)) } : g,
      );
      if (changes.workKindId !== undefined || changes.status !== undefined)
        void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: domainKey('day') });
    },
    onError: (error, { lessonId, changes }) => {
      if (!(error instanceof AppError) || !isSaveConflict(error.details)) return;
      setConflict({ lessonId, changes, theirs: error.details.current as Seen, by: error.details.by });
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const save = (lessonId: number, changes: Update, seen?: Seen) => mutation.mutateAsync({ lessonId, changes, seen });
  return {
    save,
    conflict,
    /** «Оставить»: the other person's value stays, as the page now shows it. */
    keepTheirs: () => setConflict(null),
    /** «Записать моё»: saved again over the value the conflict showed. */
    putMine: (c: LessonConflict) => {
      setConflict(null);
      void save(c.lessonId, c.changes, c.theirs).catch(() => undefined);
    },
  };
}
