import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type YearStatus } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { ruDate } from '../../../shared/dates';
import { OrderInputs } from './OrderInputs';

/** The lock: after it the year is read-only, still printable and reportable. */
export function ClosePanel({ status, today }: { status: YearStatus; today: string }) {
  const client = useQueryClient();
  const [order, setOrder] = useState({ orderNumber: '', orderDate: today });
  const [acceptGaps, setAcceptGaps] = useState(false);
  const close = useMutation({
    mutationFn: () => invoke(contract.years.close, { yearId: status.year.id, acceptGaps, ...order }),
    // Shown beside the button rather than as a notice that outlives the screen: the refusal says what to do here.
    meta: { ownsErrors: true },
    onSuccess: () => void client.invalidateQueries(),
  });
  const failure = close.error ? describeError(close.error) : null;
  if (status.closed)
    return (
      <Alert color="gray" title={`${status.year.name} учебный год закрыт`} data-testid="year-closed">
        Приказ № {status.closed.orderNumber} от {ruDate(status.closed.orderDate)}. Журналы, списки и движение только для
        просмотра, печати и отчётов.
      </Alert>
    );
  return (
    <Paper withBorder p="md">
      <Title order={4}>Закрыть учебный год</Title>
      <Text size="sm" c="dimmed" mb="sm">
        После закрытия ни отметки, ни пропуски, ни уроки, ни списки этого года изменить нельзя.
      </Text>
      <Group align="flex-end">
        <OrderInputs value={order} onChange={setOrder} />
        {(status.gaps.length > 0 || status.notEnded.length > 0) && (
          <Checkbox
            label="Закрыть, хотя не все итоговые отметки выставлены"
            checked={acceptGaps}
            onChange={(e) => setAcceptGaps(e.currentTarget.checked)}
          />
        )}
        <Button
          color="red"
          onClick={() => close.mutate()}
          loading={close.isPending}
          disabled={!order.orderNumber.trim()}
          data-testid="year-close"
        >
          Закрыть {status.year.name} учебный год
        </Button>
      </Group>
      {failure && (
        <Alert color="red" title={failure.title} mt="sm" data-testid="year-close-error">
          {failure.message}
        </Alert>
      )}
    </Paper>
  );
}
