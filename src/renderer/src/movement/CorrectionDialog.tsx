import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf, type MovementClass, type MovementRegisterRow } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { checkAgainst, fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannelForm } from '../api/useChannelForm';
import { ruDate } from '../../../shared/dates';
import { OrderFields, PickField, TextField } from './orderFields';

const kindNames: Record<MovementRegisterRow['kind'], string> = {
  enrolled: 'зачисление',
  arrived: 'прибытие',
  transferred: 'перевод',
  left: 'выбытие',
};

/**
 * A movement order entered wrongly: the secretary corrects its date, class, number or note, or cancels it; both need
 * the reason, which the audit log keeps. The server refuses a change that would leave marks or absences outside the
 * journals the student is on, and names them; the lists and journals follow whatever it accepts.
 */
export function CorrectionDialog({
  row,
  classes,
  onClose,
  onDone,
}: {
  row: MovementRegisterRow;
  classes: MovementClass[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const client = useQueryClient();
  const form = useChannelForm(contract.movement.correct, {
    initialValues: {
      date: row.date,
      orderNumber: row.orderNumber,
      orderDate: row.orderDate,
      note: row.note ?? '',
      toClassId: row.toClassId === null ? null : String(row.toClassId),
      reason: '',
    },
    toInput: ({ toClassId, ...v }) => ({
      ...v,
      movementId: row.id,
      toClassId: row.kind === 'left' ? undefined : Number(toClassId) || 0,
    }),
  });
  const done = (r: { message: string }) => {
    // Lists, journals and reports all follow the corrected dates.
    void client.invalidateQueries({ queryKey: domainKey('movement') });
    void client.invalidateQueries({ queryKey: domainKey('journal') });
    onDone(r.message);
  };
  const onError = (e: unknown) => form.setErrors(fieldErrorsOf(e));
  const correct = useMutation({
    mutationFn: (v: InputOf<typeof contract.movement.correct>) => invoke(contract.movement.correct, v),
    meta: { ownsErrors: true },
    onSuccess: done,
    onError,
  });
  const cancel = useMutation({
    mutationFn: (v: InputOf<typeof contract.movement.cancel>) => invoke(contract.movement.cancel, v),
    meta: { ownsErrors: true },
    onSuccess: done,
    onError,
  });
  const forget = () => {
    correct.reset();
    cancel.reset();
  };
  const submit = form.onSubmit((input) => {
    forget();
    correct.mutate(input);
  }, forget);
  // Cancelling asks for the reason alone, checked by its own channel's schema.
  const cancelOrder = () => {
    const input = { movementId: row.id, reason: form.values.reason };
    const found = checkAgainst(contract.movement.cancel.input, input);
    form.setErrors(found);
    forget();
    if (Object.keys(found).length === 0) cancel.mutate(input);
  };
  const targets = classes.filter((c) => c.name !== row.fromClass).map((c) => ({ value: String(c.id), label: c.name }));
  const failed = correct.error ?? cancel.error;
  const failure = failed && Object.keys(fieldErrorsOf(failed)).length === 0 ? describeError(failed) : null;

  return (
    <Modal opened onClose={onClose} title={`Исправление приказа: ${row.name}`} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="correction-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {kindNames[row.kind]} {row.fromClass ? `из ${row.fromClass} ` : ''}
            {row.toClass ? `в ${row.toClass} ` : ''}с {ruDate(row.date)}, приказ № {row.orderNumber} от{' '}
            {ruDate(row.orderDate)}
          </Text>
          <OrderFields
            form={form}
            dateLabel={row.kind === 'left' ? 'Выбыл с' : row.kind === 'transferred' ? 'Переведён с' : 'Прибыл с'}
          />
          {row.kind !== 'left' && (
            <PickField
              form={form}
              name="toClassId"
              label={row.kind === 'transferred' ? 'В класс' : 'Класс'}
              data={targets}
            />
          )}
          <TextField
            form={form}
            name="note"
            label={
              row.kind === 'left'
                ? 'Куда выбыл (школа, город)'
                : row.kind === 'arrived'
                  ? 'Откуда прибыл (школа, город)'
                  : 'Примечание'
            }
            required={row.kind === 'left' || row.kind === 'arrived'}
          />
          <Textarea
            label="Причина исправления или отмены"
            name="reason"
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          {failure && (
            <Alert color="red" title={failure.title} data-testid="correction-error">
              {failure.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Button
              variant="light"
              color="red"
              loading={cancel.isPending}
              onClick={cancelOrder}
              data-testid="correction-cancel-order"
            >
              Отменить приказ
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                Закрыть
              </Button>
              <Button type="submit" loading={correct.isPending} data-testid="correction-submit">
                Сохранить исправление
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
