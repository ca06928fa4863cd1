import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { ErrorPanel } from '../errors/ErrorPanel';

/**
 * Whether the log was edited outside the app: every entry is sealed onto the one before it, so a changed,
 * removed or inserted entry breaks the chain there. Checked on demand: it reads the whole log.
 */
export function ChainCheck() {
  const check = useMutation({ mutationFn: () => invoke(contract.audit.verifyChain, {}) });
  const verdict = check.data;
  return (
    <>
      <Group gap="sm">
        <Button variant="default" onClick={() => check.mutate()} loading={check.isPending} data-testid="audit-chain">
          Проверить целостность
        </Button>
        {!verdict && !check.error && (
          <Text size="sm" c="dark.4">
            Проверяет, что записи не изменены и не удалены в обход программы.
          </Text>
        )}
      </Group>
      {check.error && <ErrorPanel error={check.error} onRetry={() => check.mutate()} />}
      {verdict && (
        <Alert
          color={verdict.whole ? 'green' : 'red'}
          variant="light"
          title={verdict.whole ? 'Проверка пройдена' : 'Проверка не пройдена'}
          data-testid="audit-chain-verdict"
          data-whole={verdict.whole}
        >
          {verdict.summary}
        </Alert>
      )}
    </>
  );
}
