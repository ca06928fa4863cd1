import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { contract, type Channel, type InputOf, type MovementClass } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannelForm, type ChannelForm } from '../api/useChannelForm';
import { OrderFields, PickField, TextField, type OrderValues } from './orderFields';

export type OrderAction =
  | { kind: 'arrive'; cls: MovementClass }
  | { kind: 'transfer' | 'leave' | 'subgroup'; cls: MovementClass; student: MovementClass['students'][number] };

const titles = {
  arrive: 'Прибытие ученика',
  transfer: 'Перевод в другой класс',
  leave: 'Выбытие ученика',
  subgroup: 'Перевод в другую подгруппу',
};

const genderOf = (v: string | null) => (['m', 'f'] as const).find((g) => g === v);

type OrderChannel = Channel<z.ZodType, z.ZodType<{ message: string }>>;

interface OrderFormProps<C extends OrderChannel, V extends OrderValues> {
  channel: C;
  title: string;
  dateLabel: string;
  initialValues: V;
  toInput: (values: V) => InputOf<C>;
  /** The fields of this kind of order, above the order's own. */
  children: (form: ChannelForm<C, V>) => ReactNode;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** One director's order of one kind: its fields, then the order's number and date, checked like the server does. */
function OrderForm<C extends OrderChannel, V extends OrderValues>({
  channel,
  title,
  dateLabel,
  initialValues,
  toInput,
  children,
  onClose,
  onDone,
}: OrderFormProps<C, V>) {
  const client = useQueryClient();
  const form = useChannelForm(channel, { initialValues, toInput });
  const save = useMutation({
    mutationFn: (input: InputOf<C>) => invoke(channel, input),
    meta: { ownsErrors: true },
    onSuccess: (r) => {
      // Lists, journals and reports all follow the new dates.
      void client.invalidateQueries({ queryKey: domainKey('movement') });
      void client.invalidateQueries({ queryKey: domainKey('journal') });
      onDone(r.message);
    },
    onError: (e) => form.setErrors(fieldErrorsOf(e)),
  });
  const failure = save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? describeError(save.error) : null;

  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={form.onSubmit((input) => save.mutate(input))} noValidate data-testid="order-form">
        <Stack gap="sm">
          {children(form)}
          <OrderFields form={form} dateLabel={dateLabel} />
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

/** The order an action needs: arrival, transfer to another class or subgroup, or departure. */
export function OrderDialog({
  action,
  date,
  classes,
  onClose,
  onDone,
}: {
  action: OrderAction;
  date: string;
  classes: MovementClass[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const order = { date, orderNumber: '', orderDate: date };
  const shell = { onClose, onDone };
  if (action.kind === 'arrive') {
    const initialValues = {
      ...order,
      kind: 'arrived' as 'arrived' | 'enrolled',
      lastName: '',
      firstName: '',
      middleName: '',
      birthDate: '',
      gender: null as string | null,
      personalFileNo: '',
      from: '',
    };
    return (
      <OrderForm
        {...shell}
        channel={contract.movement.arrive}
        title={titles.arrive}
        dateLabel="Прибыл с"
        initialValues={initialValues}
        toInput={(v) => ({
          ...v,
          classId: action.cls.id,
          birthDate: v.birthDate || undefined,
          gender: genderOf(v.gender),
        })}
      >
        {(form) => (
          <>
            <Select
              label="Вид"
              data={[
                { value: 'arrived', label: 'прибыл из другой школы' },
                { value: 'enrolled', label: 'зачислен впервые' },
              ]}
              value={form.values.kind}
              onChange={(v) => form.setFieldValue('kind', v === 'enrolled' ? 'enrolled' : 'arrived')}
              allowDeselect={false}
            />
            <SimpleGrid cols={3}>
              <TextField form={form} name="lastName" label="Фамилия" required />
              <TextField form={form} name="firstName" label="Имя" required />
              <TextField form={form} name="middleName" label="Отчество" />
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <TextField form={form} name="birthDate" label="Дата рождения" date />
              <Select
                label="Пол"
                data={[
                  { value: 'm', label: 'мужской' },
                  { value: 'f', label: 'женский' },
                ]}
                value={form.values.gender}
                onChange={(v) => form.setFieldValue('gender', v)}
                clearable
              />
              <TextField form={form} name="personalFileNo" label="№ личного дела" />
            </SimpleGrid>
            {form.values.kind === 'arrived' && (
              <TextField form={form} name="from" label="Откуда прибыл (школа, город)" required />
            )}
          </>
        )}
      </OrderForm>
    );
  }
  const who = action.student;
  const title = `${titles[action.kind]}: ${who.name}`;
  if (action.kind === 'transfer') {
    const targets = classes.filter((c) => c.id !== action.cls.id).map((c) => ({ value: String(c.id), label: c.name }));
    return (
      <OrderForm
        {...shell}
        channel={contract.movement.transfer}
        title={title}
        dateLabel="Переведён с"
        initialValues={{ ...order, toClassId: null as string | null, note: '' }}
        toInput={({ toClassId, ...v }) => ({ ...v, studentId: who.id, toClassId: Number(toClassId) || 0 })}
      >
        {(form) => (
          <>
            <PickField form={form} name="toClassId" label="В класс" data={targets} />
            <TextField form={form} name="note" label="Примечание" />
          </>
        )}
      </OrderForm>
    );
  }
  if (action.kind === 'leave') {
    return (
      <OrderForm
        {...shell}
        channel={contract.movement.leave}
        title={title}
        dateLabel="Выбыл с"
        initialValues={{ ...order, to: '' }}
        toInput={(v) => ({ ...v, studentId: who.id })}
      >
        {(form) => <TextField form={form} name="to" label="Куда выбыл (школа, город)" required />}
      </OrderForm>
    );
  }
  const subgroups = action.cls.subgroups
    .filter((g) => !who.subgroups.some((s) => s.subgroupId === g.id))
    .map((g) => ({ value: String(g.id), label: `${g.subjectName}: ${g.name}` }));
  return (
    <OrderForm
      {...shell}
      channel={contract.movement.changeSubgroup}
      title={title}
      dateLabel="Переведён с"
      initialValues={{ ...order, toSubgroupId: null as string | null }}
      toInput={({ toSubgroupId, ...v }) => ({ ...v, studentId: who.id, toSubgroupId: Number(toSubgroupId) || 0 })}
    >
      {(form) => <PickField form={form} name="toSubgroupId" label="В подгруппу" data={subgroups} />}
    </OrderForm>
  );
}
