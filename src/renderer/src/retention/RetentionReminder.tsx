import { Alert, Anchor } from '@mantine/core';
import { ruDate } from '../../../shared/dates';
import { useRetention } from './queries';

/** On the secretary's screens while a retention date has come or is within two months. */
export function RetentionReminder({ onOpen }: { onOpen(): void }) {
  const register = useRetention();
  const due = register.data?.items.filter((i) => i.state === 'due' || i.state === 'soon') ?? [];
  if (due.length === 0) return null;
  const first = due[0]!;
  return (
    <Alert color="yellow" mb="md" title="Сроки хранения документов" data-testid="retention-reminder">
      {first.document}: {first.action}, срок {first.state === 'due' ? 'наступил' : ''} {ruDate(first.dueDate)}
      {due.length > 1 ? ` и ещё ${due.length - 1}` : ''}.{' '}
      <Anchor component="button" onClick={onOpen}>
        Открыть «Сроки хранения»
      </Anchor>
    </Alert>
  );
}
