import { TextInput } from '@mantine/core';
import { DateField } from '../dates/DateField';

export interface OrderValue {
  orderNumber: string;
  orderDate: string;
}

/** The director's order a year's decision or its closing is made by: its number and date. */
export function OrderInputs({ value, onChange }: { value: OrderValue; onChange(value: OrderValue): void }) {
  return (
    <>
      <TextInput
        label="№ приказа"
        w={140}
        value={value.orderNumber}
        onChange={(e) => onChange({ ...value, orderNumber: e.currentTarget.value })}
      />
      <DateField label="Дата приказа" value={value.orderDate} onChange={(v) => onChange({ ...value, orderDate: v })} />
    </>
  );
}
