import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, Radio, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { contract, type SchoolRules } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { checkAgainst, fieldErrorsOf, type FieldErrors } from '../api/fieldErrors';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { CallError, PageHeader, useStructureCall } from './common';

/** Отметки и сроки: the marks scale, which period marks exist, weights and rounding, the deadlines. */
export function RulesPage({ canEdit }: AdminPageProps) {
  const rules = useChannel(contract.structure.rules, {});
  const [form, setForm] = useState<SchoolRules | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useStructureCall(contract.structure.saveRules);
  useEffect(() => {
    if (rules.data) setForm(rules.data);
  }, [rules.data]);
  if (rules.error) return <ErrorPanel error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!form) return null;
  const set = (patch: Partial<SchoolRules>) => setForm({ ...form, ...patch });
  const shown = { ...fieldErrorsOf(save.error), ...errors };
  const periodValues = ['5', '4', '3', '2', ...(form.scale === '1-5' ? ['1'] : []), 'н/а', ...(form.allowPassFail ? ['зач', 'незач'] : []), ...(form.allowExempt ? ['осв'] : [])];
  const submit = () => {
    const found = checkAgainst(contract.structure.saveRules.input, form);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(form);
  };

  return (
    <Stack gap="md" maw={760}>
      <PageHeader title="Отметки и сроки" hint="Правила школы, по которым журнал проверяет отметки и напоминает о сроках." />
      <Fieldset legend="Отметки" disabled={!canEdit}>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              Шкала отметок
            </Text>
            <SegmentedControl value={form.scale} onChange={(v) => set({ scale: v as SchoolRules['scale'] })} data={[{ value: '1-5', label: 'от 1 до 5' }, { value: '2-5', label: 'от 2 до 5' }]} data-testid="rules-scale" />
          </div>
          <Checkbox label="Разрешены «зач» и «незач» (безотметочные предметы)" checked={form.allowPassFail} onChange={(e) => set({ allowPassFail: e.currentTarget.checked })} />
          <Checkbox label="Разрешена отметка «осв» (освобождён)" checked={form.allowExempt} onChange={(e) => set({ allowExempt: e.currentTarget.checked })} />
          <Text size="sm" c="dimmed" data-testid="rules-period-values">
            Итоговые отметки за период и год: {periodValues.join(', ')}
          </Text>
          <Switch label="Учитывать веса видов работ (средневзвешенный балл)" checked={form.useWeights} onChange={(e) => set({ useWeights: e.currentTarget.checked })} />
          <Radio.Group label="Округление среднего балла" value={form.rounding} onChange={(v) => set({ rounding: v as SchoolRules['rounding'] })}>
            <Group mt={6}>
              <Radio value="half_up" label="по правилам арифметики (3,5 → 4)" />
              <Radio value="threshold_0.6" label="с порога 0,6 (3,5 → 3, 3,6 → 4)" />
            </Group>
          </Radio.Group>
          <NumberInput label="Минимум текущих отметок за период" w={320} min={0} max={50} value={form.minMarksPerPeriod} error={shown.minMarksPerPeriod} onChange={(v) => set({ minMarksPerPeriod: Number(v) || 0 })} />
        </Stack>
      </Fieldset>
      <Fieldset legend="Сроки" disabled={!canEdit}>
        <Stack gap="sm">
          <Group grow>
            <TextInput type="time" label="Тема и домашнее задание до (1 смена)" value={form.entryDeadline.shift1} error={shown['entryDeadline.shift1']} onChange={(e) => set({ entryDeadline: { ...form.entryDeadline, shift1: e.currentTarget.value } })} />
            <TextInput type="time" label="… до (2 смена)" value={form.entryDeadline.shift2} error={shown['entryDeadline.shift2']} onChange={(e) => set({ entryDeadline: { ...form.entryDeadline, shift2: e.currentTarget.value } })} />
          </Group>
          <NumberInput label="Отметки за контрольную — в течение, дней" w={320} min={1} max={30} value={form.controlMarksDays} error={shown.controlMarksDays} onChange={(v) => set({ controlMarksDays: Number(v) || 0 })} />
        </Stack>
      </Fieldset>
      <CallError error={Object.keys(fieldErrorsOf(save.error)).length ? null : save.error} />
      {save.isSuccess && !save.isPending && (
        <Alert color="green" variant="light" data-testid="rules-saved">
          Правила сохранены.
        </Alert>
      )}
      {canEdit && (
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            Сохранить правила
          </Button>
        </Group>
      )}
    </Stack>
  );
}
