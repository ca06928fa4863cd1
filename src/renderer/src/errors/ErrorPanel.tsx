import { Alert, Button, Group } from '@mantine/core';
import { describeError } from '../api/errors';

/** A failed query shown where its content would be, with a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const shown = describeError(error);
  return (
    <Alert color="red" variant="light" title={shown.title} role="alert" data-testid="error-panel">
      {shown.message}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onRetry}>
            Повторить
          </Button>
        </Group>
      )}
    </Alert>
  );
}
