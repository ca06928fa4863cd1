import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf, type JournalGrid } from '../../../../shared/contract';
import { invoke } from '../../api/invoke';
import { domainKey } from '../../api/keys';
import { gridKey } from '../../api/queries';
import type { EnsureReason } from '../useCorrectionReason';

type Update = Omit<InputOf<typeof contract.lessons.update>, 'lessonId' | 'reason'>;

/** Saves a lesson's fields at once and puts the saved lesson into the page; a kind change reloads the marks' colours. */
export function useLessonUpdate(grid: JournalGrid, ensureReason: EnsureReason) {
  const client = useQueryClient();
  const key = gridKey(grid);
  const mutation = useMutation({
    mutationFn: async ({ lessonId, changes }: { lessonId: number; changes: Update }) => {
      const reason = await ensureReason();
      if (reason === null) return null;
      return invoke(contract.lessons.update, { lessonId, ...changes, reason });
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
  });
  return (lessonId: number, changes: Update) => mutation.mutateAsync({ lessonId, changes });
}
