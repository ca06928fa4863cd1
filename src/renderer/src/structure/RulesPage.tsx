import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { contract, type SchoolRules } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { fieldErrorsOf } from '../api/fieldErrors';
import { useChannel } from '../api/useChannel';
import { useChannelForm } from '../api/useChannelForm';
import { ErrorPanel } from '../errors/ErrorPanel';
import { CallError, PageHeader, useStructureCall } from './common';
import { TimeField } from '../dates/TimeField';

/** Отметки и сроки: the marks scale, which period marks exist, weights and rounding, the deadlines. */
export function RulesPage({ canEdit }: AdminPageProps) {
  const rules = useChannel(contract.structure.rules, {});
  if (rules.error) return <ErrorPanel error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return null;
  return <RulesForm saved={rules.data} canEdit={canEdit} />;
}

function RulesForm({ saved, canEdit }: { saved: SchoolRules; canEdit: boolean }) {
  const form = useChannelForm(contract.structure.saveRules, { initialValues: saved, toInput: (v) => v });
  const save = useStructureCall(contract.structure.saveRules);
  const rules = form.values;
  const periodValues = [
    '5',
    '4',
    '3',
    '2',
    ...(rules.scale === '1-5' ? ['1'] : []),
    'н/а',
    ...(rules.allowPassFail ? ['зач', 'незач'] : []),
    ...(rules.allowExempt ? ['осв'] : []),
  ];
  const submit = form.onSubmit((input) => save.mutate(input, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }));

  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title="Отметки и сроки"
        hint="Правила школы, по которым журнал проверяет отметки и напоминает о сроках."
      />
      <Fieldset legend="Отметки" disabled={!canEdit}>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              Шкала отметок
            </Text>
            <SegmentedControl
              value={rules.scale}
              onChange={(v) => form.setFieldValue('scale', v as SchoolRules['scale'])}
              data={[
                { value: '1-5', label: 'от 1 до 5' },
                { value: '2-5', label: 'от 2 до 5' },
              ]}
              data-testid="rules-scale"
            />
          </div>
          <Checkbox
            label="Разрешены «зач» и «незач» (безотметочные предметы)"
            {...form.getInputProps('allowPassFail', { type: 'checkbox' })}
          />
          <Checkbox
            label="Разрешена отметка «осв» (освобождён)"
            {...form.getInputProps('allowExempt', { type: 'checkbox' })}
          />
          <Text size="sm" c="dimmed" data-testid="rules-period-values">
            Итоговые отметки за период и год: {periodValues.join(', ')}
          </Text>
          <Switch
            label="Учитывать веса видов работ (средневзвешенный балл)"
            {...form.getInputProps('useWeights', { type: 'checkbox' })}
          />
          <Radio.Group
            label="Округление среднего балла"
            value={rules.rounding}
            onChange={(v) => form.setFieldValue('rounding', v as SchoolRules['rounding'])}
          >
            <Group mt={6}>
              <Radio value="half_up" label="по правилам арифметики (3,5 → 4)" />
              <Radio value="threshold_0.6" label="с порога 0,6 (3,5 → 3, 3,6 → 4)" />
            </Group>
          </Radio.Group>
          <NumberInput
            label="Минимум текущих отметок за период"
            w={320}
            min={0}
            max={50}
            value={rules.minMarksPerPeriod}
            error={form.errors.minMarksPerPeriod}
            onChange={(v) => form.setFieldValue('minMarksPerPeriod', Number(v) || 0)}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend="Сроки" disabled={!canEdit}>
        <Stack gap="sm">
          <Group grow>
            <TimeField label="Тема и домашнее задание до (1 смена)" {...form.getInputProps('entryDeadline.shift1')} />
            <TimeField label="… до (2 смена)" {...form.getInputProps('entryDeadline.shift2')} />
          </Group>
          <NumberInput
            label="Отметки за контрольную — в течение, дней"
            w={320}
            min={1}
            max={30}
            value={rules.controlMarksDays}
            error={form.errors.controlMarksDays}
            onChange={(v) => form.setFieldValue('controlMarksDays', Number(v) || 0)}
          />
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
          <Button onClick={() => submit()} loading={save.isPending}>
            Сохранить правила
          </Button>
        </Group>
      )}
    </Stack>
  );
}
