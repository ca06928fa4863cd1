import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  ColorInput,
  ColorSwatch,
  Group,
  NumberInput,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { contract, type InputOf } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { useChannel } from '../api/useChannel';
import { CallError, EditDialog, InUse, PageHeader, RowActions, useStructureCall, WithOverview } from './common';

type Draft = InputOf<typeof contract.structure.saveWorkKind>;
const weight = (w: number) => w.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
const days = (n: number | undefined) => (n === undefined ? 'в срок' : `${n} дн.`);
/** The limit the control report applies to a work of this kind. */
const markingLimit = (k: { markingDays: number | null; isControl: boolean }, schoolDays: number | undefined) =>
  k.markingDays !== null ? `${k.markingDays} дн.` : k.isControl ? `${days(schoolDays)} (школы)` : 'в день урока';

/** Виды работ и их веса: what a lesson's marks were for, and how much each counts in the weighted average. */
export function WorkKindsPage({ canEdit }: AdminPageProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const remove = useStructureCall(contract.structure.deleteWorkKind);
  const schoolDays = useChannel(contract.structure.rules, {}).data?.controlMarksDays;
  return (
    <WithOverview>
      {(o) => (
        <Stack gap="md" maw={1040}>
          <PageHeader
            title="Виды работ"
            hint={`Вес входит в средневзвешенный балл. Для контрольных, лабораторных и практических «н/а» как текущая отметка не ставится, тема обязательна. Срок проверки — за сколько дней после урока отметки за работу должны быть у всех присутствовавших; без своего срока контрольные проверяются за ${days(schoolDays)} (правила школы), остальные работы — в день урока.`}
            action={
              canEdit && (
                <Button
                  onClick={() =>
                    setDraft({
                      name: '',
                      shortName: '',
                      weight: 1,
                      isControl: false,
                      markingDays: null,
                      color: '#1c7ed6',
                    })
                  }
                >
                  Добавить вид работы
                </Button>
              )
            }
          />
          <CallError error={remove.error} />
          <Table striped withTableBorder data-testid="work-kinds-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Вид работы</Table.Th>
                <Table.Th>Сокращение</Table.Th>
                <Table.Th w={80}>Вес</Table.Th>
                <Table.Th w={130}>Срок проверки</Table.Th>
                <Table.Th w={140} />
                <Table.Th w={120} />
                <Table.Th w={160} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.workKinds.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <ColorSwatch color={k.color} size={14} />
                      {k.name}
                    </Group>
                  </Table.Td>
                  <Table.Td>{k.shortName}</Table.Td>
                  <Table.Td>{weight(k.weight)}</Table.Td>
                  <Table.Td>{markingLimit(k, schoolDays)}</Table.Td>
                  <Table.Td>
                    {k.isControl && (
                      <Badge color="red" variant="light" size="sm" tt="none">
                        контрольная
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <InUse inUse={k.inUse} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      canEdit={canEdit}
                      label={k.name}
                      onEdit={() =>
                        setDraft({
                          id: k.id,
                          name: k.name,
                          shortName: k.shortName,
                          weight: k.weight,
                          isControl: k.isControl,
                          markingDays: k.markingDays,
                          color: k.color,
                        })
                      }
                      onDelete={() => remove.mutate({ id: k.id })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <EditDialog
            channel={contract.structure.saveWorkKind}
            title={draft?.id ? 'Вид работы' : 'Новый вид работы'}
            value={draft}
            onClose={() => setDraft(null)}
          >
            {(form) => (
              <>
                <TextInput label="Название" {...form.getInputProps('name')} />
                <TextInput label="Сокращение" {...form.getInputProps('shortName')} />
                <NumberInput
                  label="Вес"
                  value={form.values.weight}
                  min={0.1}
                  max={10}
                  step={0.5}
                  decimalScale={2}
                  decimalSeparator=","
                  error={form.errors.weight}
                  onChange={(v) => form.setFieldValue('weight', Number(v))}
                />
                <Checkbox
                  label="Контрольная работа (лабораторная, практическая)"
                  {...form.getInputProps('isControl', { type: 'checkbox' })}
                />
                <NumberInput
                  label="Срок проверки, дней"
                  description="Пусто — контрольные по правилам школы, остальные в день урока"
                  value={form.values.markingDays ?? ''}
                  min={1}
                  max={30}
                  allowDecimal={false}
                  error={form.errors.markingDays}
                  onChange={(v) => form.setFieldValue('markingDays', v === '' ? null : Number(v))}
                />
                <ColorInput label="Цвет в журнале" {...form.getInputProps('color')} />
              </>
            )}
          </EditDialog>
        </Stack>
      )}
    </WithOverview>
  );
}
