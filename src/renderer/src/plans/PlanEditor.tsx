import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { contract, type PlanSummary } from '../../../shared/contract';
import { checkAgainst } from '../api/fieldErrors';
import { HoursCheck } from './HoursCheck';
import { useSavePlan } from './queries';

interface EditRow {
  key: number;
  section: string;
  title: string;
  hours: number;
}

let nextKey = 1;
const fromPlan = (plan: PlanSummary): EditRow[] => plan.topics.map((t) => ({ key: nextKey++, section: t.section ?? '', title: t.title, hours: t.hours }));

/** The plan typed or corrected by hand: topics in order, each with its section and hours; saved as a whole. */
export function PlanEditor({ plan, onDone }: { plan: PlanSummary; onDone(): void }) {
  const [rows, setRows] = useState<EditRow[]>(() => (plan.topics.length ? fromPlan(plan) : [{ key: nextKey++, section: '', title: '', hours: 1 }]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSavePlan(plan.assignmentId);
  const change = (i: number, patch: Partial<EditRow>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (row) next.splice(i + by, 0, row);
    setRows(next);
  };
  const submit = () => {
    const input = { assignmentId: plan.assignmentId, rows: rows.map((r) => ({ section: r.section.trim() || null, title: r.title, hours: r.hours })) };
    const found = checkAgainst(contract.plans.save.input, input);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(input.rows, { onSuccess: onDone });
  };

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
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.key}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <TextInput size="xs" value={r.section} onChange={(e) => change(i, { section: e.currentTarget.value })} aria-label={`Раздел темы ${i + 1}`} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={r.title} onChange={(e) => change(i, { title: e.currentTarget.value })} error={errors[`rows.${i}.title`]} aria-label={`Тема ${i + 1}`} />
              </Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={1} max={200} allowDecimal={false} value={r.hours} onChange={(v) => change(i, { hours: Number(v) || 0 })} error={errors[`rows.${i}.hours`]} aria-label={`Часов на тему ${i + 1}`} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label="Выше">
                    ↑
                  </ActionIcon>
                  <ActionIcon variant="subtle" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label="Ниже">
                    ↓
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => setRows(rows.filter((_, k) => k !== i))} aria-label="Удалить тему">
                    ✕
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {errors.rows && <Text c="red.8">{errors.rows}</Text>}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setRows([...rows, { key: nextKey++, section: rows.at(-1)?.section ?? '', title: '', hours: 1 }])} data-testid="plan-add-row">
          Добавить тему
        </Button>
        <Group>
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="plan-editor-save">
            Сохранить план
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
