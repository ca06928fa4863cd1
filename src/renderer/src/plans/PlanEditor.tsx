import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { contract, type PlanSummary } from '../../../shared/contract';
import { useChannelForm } from '../api/useChannelForm';
import { HoursCheck } from './HoursCheck';
import { useSavePlan } from './queries';

interface EditRow {
  key: number;
  section: string;
  title: string;
  hours: number;
  homework: string;
}

let nextKey = 1;
const fromPlan = (plan: PlanSummary): EditRow[] =>
  plan.topics.map((t) => ({
    key: nextKey++,
    section: t.section ?? '',
    title: t.title,
    hours: t.hours,
    homework: t.homework ?? '',
  }));

/** The plan typed or corrected by hand: topics in order, each with its section and hours; saved as a whole. */
export function PlanEditor({ plan, onDone }: { plan: PlanSummary; onDone(): void }) {
  // Made once: the rows' keys are taken from the counter.
  const [initialValues] = useState(() => ({
    rows: plan.topics.length ? fromPlan(plan) : [{ key: nextKey++, section: '', title: '', hours: 1, homework: '' }],
  }));
  const form = useChannelForm(contract.plans.save, {
    initialValues,
    toInput: ({ rows }) => ({
      assignmentId: plan.assignmentId,
      rows: rows.map((r) => ({
        section: r.section.trim() || null,
        title: r.title,
        hours: r.hours,
        homework: r.homework.trim() || null,
      })),
    }),
  });
  const rows = form.values.rows;
  const save = useSavePlan(plan.assignmentId);
  const submit = form.onSubmit((input) => save.mutate(input.rows, { onSuccess: onDone }));

  return (
    <Stack gap="sm" data-testid="plan-editor">
      <HoursCheck planned={rows.reduce((s, r) => s + (r.hours || 0), 0)} curriculum={plan.curriculumHours} />
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>№</Table.Th>
            <Table.Th w={200}>Раздел</Table.Th>
            <Table.Th>Тема</Table.Th>
            <Table.Th w={90}>Часов</Table.Th>
            <Table.Th w={240}>Домашнее задание</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.key}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`rows.${i}.section`)} aria-label={`Раздел темы ${i + 1}`} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`rows.${i}.title`)} aria-label={`Тема ${i + 1}`} />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  min={1}
                  max={200}
                  allowDecimal={false}
                  value={r.hours}
                  onChange={(v) => form.setFieldValue(`rows.${i}.hours`, Number(v) || 0)}
                  error={form.errors[`rows.${i}.hours`]}
                  aria-label={`Часов на тему ${i + 1}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  {...form.getInputProps(`rows.${i}.homework`)}
                  aria-label={`Домашнее задание к теме ${i + 1}`}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => form.reorderListItem('rows', { from: i, to: i - 1 })}
                    aria-label="Выше"
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === rows.length - 1}
                    onClick={() => form.reorderListItem('rows', { from: i, to: i + 1 })}
                    aria-label="Ниже"
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem('rows', i)}
                    aria-label="Удалить тему"
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {form.errors.rows && <Text c="red.8">{form.errors.rows}</Text>}
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() =>
            form.insertListItem('rows', {
              key: nextKey++,
              section: rows.at(-1)?.section ?? '',
              title: '',
              hours: 1,
              homework: '',
            })
          }
          data-testid="plan-add-row"
        >
          Добавить тему
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button onClick={() => submit()} loading={save.isPending} data-testid="plan-editor-save">
            Сохранить план
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
