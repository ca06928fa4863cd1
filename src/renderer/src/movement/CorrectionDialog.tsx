import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type MovementClass, type MovementRegisterRow } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { checkAgainst, fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { fullDate } from '../journal/dates';

const kindNames: Record<MovementRegisterRow['kind'], string> = { enrolled: 'зачисление', arrived: 'прибытие', transferred: 'перевод', left: 'выбытие' };

/**
 * A movement order entered wrongly: the secretary corrects its date, class, number or note, or cancels it; both need
 * the reason, which the audit log keeps. The server refuses a change that would leave marks or absences outside the
 * journals the student is on, and names them; the lists and journals follow whatever it accepts.
 */
export function CorrectionDialog({ row, classes, onClose, onDone }: { row: MovementRegisterRow; classes: MovementClass[]; onClose: () => void; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState<Record<string, string>>({
    date: row.date,
    orderNumber: row.orderNumber,
    orderDate: row.orderDate,
    note: row.note ?? '',
    toClassId: row.toClassId === null ? '' : String(row.toClassId),
    reason: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const done = (r: { message: string }) => {
    // Lists, journals and reports all follow the corrected dates.
    void client.invalidateQueries({ queryKey: domainKey('movement') });
    void client.invalidateQueries({ queryKey: domainKey('journal') });
    onDone(r.message);
  };
  const correct = useMutation({ mutationFn: (v: object) => invoke(contract.movement.correct, v as never), meta: { ownsErrors: true }, onSuccess: done, onError: (e) => setErrors(fieldErrorsOf(e)) });
  const cancel = useMutation({ mutationFn: (v: object) => invoke(contract.movement.cancel, v as never), meta: { ownsErrors: true }, onSuccess: done, onError: (e) => setErrors(fieldErrorsOf(e)) });
  const run = (channel: typeof contract.movement.correct | typeof contract.movement.cancel, value: object, mutation: typeof correct) => {
    const found = checkAgainst(channel.input, value);
    setErrors(found);
    correct.reset();
    cancel.reset();
    if (Object.keys(found).length === 0) mutation.mutate(value);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = { movementId: row.id, reason: form.reason, date: form.date, orderNumber: form.orderNumber, orderDate: form.orderDate, note: form.note, toClassId: row.kind === 'left' ? undefined : Number(form.toClassId) || 0 };
    run(contract.movement.correct, value, correct);
  };
  const text = (key: string, label: string, extra: { type?: string; required?: boolean } = {}): ReactNode => (
    <TextInput label={label} name={key} type={extra.type} withAsterisk={extra.required} value={form[key] ?? ''} error={errors[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
  );
  const targets = classes.filter((c) => c.name !== row.fromClass).map((c) => ({ value: String(c.id), label: c.name }));
  const failed = correct.error ?? cancel.error;
  const failure = failed && Object.keys(fieldErrorsOf(failed)).length === 0 ? describeError(failed) : null;

  return (
    <Modal opened onClose={onClose} title={`Исправление приказа: ${row.name}`} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="correction-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {kindNames[row.kind]} {row.fromClass ? `из ${row.fromClass} ` : ''}
            {row.toClass ? `в ${row.toClass} ` : ''}с {fullDate(row.date)}, приказ № {row.orderNumber} от {fullDate(row.orderDate)}
          </Text>
          <SimpleGrid cols={3}>
            {text('date', row.kind === 'left' ? 'Выбыл с' : row.kind === 'transferred' ? 'Переведён с' : 'Прибыл с', { type: 'date', required: true })}
            {text('orderNumber', '№ приказа', { required: true })}
            {text('orderDate', 'Дата приказа', { type: 'date', required: true })}
          </SimpleGrid>
          {row.kind !== 'left' && (
            <Select label={row.kind === 'transferred' ? 'В класс' : 'Класс'} name="toClassId" withAsterisk data={targets} value={form.toClassId || null} error={errors.toClassId} onChange={(v) => setForm({ ...form, toClassId: v ?? '' })} allowDeselect={false} searchable />
          )}
          {text('note', row.kind === 'left' ? 'Куда выбыл (школа, город)' : row.kind === 'arrived' ? 'Откуда прибыл (школа, город)' : 'Примечание', { required: row.kind === 'left' || row.kind === 'arrived' })}
          <Textarea label="Причина исправления или отмены" name="reason" withAsterisk autosize minRows={2} value={form.reason} error={errors.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} />
          {failure && (
            <Alert color="red" title={failure.title} data-testid="correction-error">
              {failure.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="light" color="red" loading={cancel.isPending} onClick={() => run(contract.movement.cancel, { movementId: row.id, reason: form.reason }, cancel)} data-testid="correction-cancel-order">
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
