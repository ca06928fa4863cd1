import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { JournalGrid } from '../../../shared/contract';

/**
 * In a period the deputy closed, changes are corrections: the teacher writes the reason once, and it goes with
 * every change of this journal's page to the audit log. Resolves undefined when the period is open, null when
 * the teacher cancels.
 */
export type EnsureReason = () => Promise<string | undefined | null>;

export function useCorrectionReason(grid: JournalGrid | undefined) {
  const reason = useRef<string | undefined>(undefined);
  const [asking, setAsking] = useState<{ periodName: string; resolve(r: string | null): void } | null>(null);
  const [text, setText] = useState('');
  const journalKey = grid ? `${grid.assignment.id}:${grid.scope}:${grid.period.id}` : '';
  useEffect(() => {
    reason.current = undefined;
  }, [journalKey]);
  const lockName = grid?.lock?.periodName ?? null;

  const ensure: EnsureReason = useCallback(() => {
    if (!lockName) return Promise.resolve(undefined);
    if (reason.current) return Promise.resolve(reason.current);
    return new Promise((resolve) => {
      setText('');
      setAsking({
        periodName: lockName,
        resolve: (r) => {
          if (r) reason.current = r;
          resolve(r);
        },
      });
    });
  }, [lockName]);

  const close = (r: string | null) => {
    asking?.resolve(r);
    setAsking(null);
  };
  const valid = text.trim().length >= 5;
  const modal = (
    <Modal opened={asking !== null} onClose={() => close(null)} title="Исправление в закрытом периоде" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) close(text.trim());
        }}
      >
        <Stack>
          <Text size="sm">
            Период «{asking?.periodName}» закрыт заместителем директора. Изменение будет записано как исправление:
            укажите его причину — она сохранится в журнале изменений вместе с каждым исправлением на этой странице.
          </Text>
          <Textarea
            label="Причина исправления"
            data-autofocus
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            minRows={2}
            maxLength={500}
            error={text && !valid ? 'Не короче 5 символов' : null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(null)}>
              Отмена
            </Button>
            <Button type="submit" disabled={!valid}>
              Исправить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
  return { ensure, modal };
}
