import type { ReactNode } from 'react';
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { SchoolProfile } from '../../../shared/contract';

/**
 * The school's details, as the wizard asks them and «Школа» edits them. The wizard's channel calls the full
 * name `schoolName`, hence `fullNamePath` for its errors.
 */
export function ProfileFields({
  value,
  onChange,
  errors,
  fullNamePath = 'fullName',
}: {
  value: SchoolProfile;
  onChange(v: SchoolProfile): void;
  errors: Record<string, ReactNode>;
  fullNamePath?: string;
}) {
  const field = (key: keyof SchoolProfile, errorKey: string = key) => ({
    value: value[key],
    error: errors[errorKey],
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [key]: e.currentTarget.value }),
  });
  return (
    <Stack gap="sm">
      <TextInput
        label="Полное название школы (как в уставе)"
        placeholder="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»"
        {...field('fullName', fullNamePath)}
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="Краткое название" placeholder="МБОУ СОШ № 1" {...field('shortName')} />
        <TextInput label="Директор (ФИО полностью)" placeholder="Иванова Ольга Николаевна" {...field('director')} />
      </SimpleGrid>
      <TextInput label="Адрес" placeholder="г. Энск, ул. Школьная, д. 1" {...field('address')} />
    </Stack>
  );
}
