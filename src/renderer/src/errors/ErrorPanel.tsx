import { Alert, Button, Group, Text } from '@mantine/core';
import { describeError } from '../api/errors';

/** A failed query shown where its content would be, with a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const shown = describeError(error);
  return (
    <Alert color="red" variant="light" title={shown.title} role="alert" data-testid="error-panel">
      {shown.message}
      {shown.next && (
        <Text size="sm" mt={4} data-testid="error-next">
          {shown.next}
        </Text>
      )}
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
