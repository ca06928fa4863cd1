import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DateField } from '../dates/DateField';

type Bound<V> = Pick<UseFormReturnType<V>, 'getInputProps'>;

/** A text field of a form, named as the channel's input field it fills. */
export function TextField<V>({
  form,
  name,
  label,
  date,
  required,
}: {
  form: Bound<V>;
  name: keyof V & string;
  label: string;
  date?: boolean;
  required?: boolean;
}) {
  const Field = date ? DateField : TextInput;
  return <Field label={label} name={name} withAsterisk={required} {...form.getInputProps(name)} />;
}

/** A required pick of one item (a class, a subgroup): its id as a string, or null. */
export function PickField<V>({
  form,
  name,
  label,
  data,
}: {
  form: Bound<V>;
  name: keyof V & string;
  label: string;
  data: Array<{ value: string; label: string }>;
}) {
  return (
    <Select
      label={label}
      name={name}
      withAsterisk
      data={data}
      {...form.getInputProps(name)}
      allowDeselect={false}
      searchable
    />
  );
}

export interface OrderValues {
  date: string;
  orderNumber: string;
  orderDate: string;
}

/** The date a movement takes effect and the director's order behind it, asked by every order and its correction. */
export function OrderFields<V extends OrderValues>({ form, dateLabel }: { form: Bound<V>; dateLabel: string }) {
  return (
    <SimpleGrid cols={3}>
      <TextField form={form} name="date" label={dateLabel} date required />
      <TextField form={form} name="orderNumber" label="№ приказа" required />
      <TextField form={form} name="orderDate" label="Дата приказа" date required />
    </SimpleGrid>
  );
}
