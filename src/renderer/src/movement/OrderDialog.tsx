import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type MovementClass } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { checkAgainst, fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';

export type OrderAction =
  | { kind: 'arrive'; cls: MovementClass }
  | { kind: 'transfer' | 'leave' | 'subgroup'; cls: MovementClass; student: MovementClass['students'][number] };

const titles = { arrive: 'Прибытие ученика', transfer: 'Перевод в другой класс', leave: 'Выбытие ученика', subgroup: 'Перевод в другую подгруппу' };

/** One director's order: the fields its kind needs, then the order's number and date, checked like the server does. */
export function OrderDialog({ action, date, classes, onClose, onDone }: { action: OrderAction; date: string; classes: MovementClass[]; onClose: () => void; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState<Record<string, string>>({ date, orderDate: date, kind: 'arrived' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const who = action.kind === 'arrive' ? null : action.student;
  const input = (): [typeof contract.movement.arrive | typeof contract.movement.transfer | typeof contract.movement.leave | typeof contract.movement.changeSubgroup, Record<string, unknown>] => {
    const order = { date: form.date, orderNumber: form.orderNumber ?? '', orderDate: form.orderDate };
    if (action.kind === 'arrive')
      return [contract.movement.arrive, { ...order, kind: form.kind, classId: action.cls.id, lastName: form.lastName ?? '', firstName: form.firstName ?? '', middleName: form.middleName, birthDate: form.birthDate || undefined, gender: form.gender || undefined, personalFileNo: form.personalFileNo, from: form.from }];
    if (action.kind === 'transfer') return [contract.movement.transfer, { ...order, studentId: who!.id, toClassId: Number(form.toClassId) || 0, note: form.note }];
    if (action.kind === 'leave') return [contract.movement.leave, { ...order, studentId: who!.id, to: form.to ?? '' }];
    return [contract.movement.changeSubgroup, { ...order, studentId: who!.id, toSubgroupId: Number(form.toSubgroupId) || 0 }];
  };
  const save = useMutation({
    mutationFn: ([channel, value]: ReturnType<typeof input>) => invoke(channel as typeof contract.movement.leave, value as never),
    meta: { ownsErrors: true },
    onSuccess: (r) => {
      // Lists, journals and reports all follow the new dates.
      void client.invalidateQueries({ queryKey: domainKey('movement') });
      void client.invalidateQueries({ queryKey: domainKey('journal') });
      onDone(r.message);
    },
    onError: (e) => setErrors(fieldErrorsOf(e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [channel, value] = input();
    const found = checkAgainst(channel.input, value);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate([channel, value]);
  };
  const text = (key: string, label: string, extra: { type?: string; required?: boolean } = {}): ReactNode => (
    <TextInput label={label} name={key} type={extra.type} withAsterisk={extra.required} value={form[key] ?? ''} error={errors[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
  );
  const pick = (key: string, label: string, data: Array<{ value: string; label: string }>) => (
    <Select label={label} name={key} withAsterisk data={data} value={form[key] ?? null} error={errors[key]} onChange={(v) => setForm({ ...form, [key]: v ?? '' })} allowDeselect={false} searchable />
  );
  const subgroups = action.cls.subgroups.filter((g) => !who?.subgroups.some((s) => s.subgroupId === g.id));
  const failure = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? describeError(save.error) : null;

  return (
    <Modal opened onClose={onClose} title={`${titles[action.kind]}${who ? `: ${who.name}` : ''}`} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="order-form">
        <Stack gap="sm">
          {action.kind === 'arrive' && (
            <>
              <Select label="Вид" data={[{ value: 'arrived', label: 'прибыл из другой школы' }, { value: 'enrolled', label: 'зачислен впервые' }]} value={form.kind} onChange={(v) => setForm({ ...form, kind: v ?? 'arrived' })} allowDeselect={false} />
              <SimpleGrid cols={3}>
                {text('lastName', 'Фамилия', { required: true })}
                {text('firstName', 'Имя', { required: true })}
                {text('middleName', 'Отчество')}
              </SimpleGrid>
              <SimpleGrid cols={3}>
                {text('birthDate', 'Дата рождения', { type: 'date' })}
                <Select label="Пол" data={[{ value: 'm', label: 'мужской' }, { value: 'f', label: 'женский' }]} value={form.gender ?? null} onChange={(v) => setForm({ ...form, gender: v ?? '' })} clearable />
                {text('personalFileNo', '№ личного дела')}
              </SimpleGrid>
              {form.kind === 'arrived' && text('from', 'Откуда прибыл (школа, город)', { required: true })}
            </>
          )}
          {action.kind === 'transfer' && pick('toClassId', 'В класс', classes.filter((c) => c.id !== action.cls.id).map((c) => ({ value: String(c.id), label: c.name })))}
          {action.kind === 'transfer' && text('note', 'Примечание')}
          {action.kind === 'leave' && text('to', 'Куда выбыл (школа, город)', { required: true })}
          {action.kind === 'subgroup' && pick('toSubgroupId', 'В подгруппу', subgroups.map((g) => ({ value: String(g.id), label: `${g.subjectName}: ${g.name}` })))}
          <SimpleGrid cols={3}>
            {text('date', action.kind === 'leave' ? 'Выбыл с' : action.kind === 'arrive' ? 'Прибыл с' : 'Переведён с', { type: 'date', required: true })}
            {text('orderNumber', '№ приказа', { required: true })}
            {text('orderDate', 'Дата приказа', { type: 'date', required: true })}
          </SimpleGrid>
          {failure && (
            <Alert color="red" title={failure.title} data-testid="order-error">
              {failure.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="order-submit">
              Записать приказ
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
