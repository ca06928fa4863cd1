import { useState } from 'react';
import { Alert, Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type YearStatus } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { DateField } from '../dates/DateField';

/** The next year from the closed one: classes a grade up, students by the decisions, teachers carried over. */
export function NextYearPanel({ status, onPrepared }: { status: YearStatus; onPrepared: (message: string) => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState(status.suggestedNext);
  const prepare = useMutation({
    mutationFn: () => invoke(contract.years.prepareNext, { fromYearId: status.year.id, ...form }),
    onSuccess: (r) => {
      onPrepared(r.message);
      // The new year is now the current one everywhere: every loaded list is stale.
      void client.invalidateQueries();
    },
  });
  if (status.nextYear)
    return (
      <Alert color="blue" title="Новый учебный год">
        Следующий учебный год ({status.nextYear.name}) уже подготовлен.
      </Alert>
    );
  return (
    <Paper withBorder p="md">
      <Title order={4}>Подготовить новый учебный год</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Классы переходят на ступень выше с той же буквой, 11 классы и выпущенные 9-классники выбывают, оставленные на
        повторное обучение остаются в своей параллели. Периоды, каникулы, классные руководители, подгруппы и нагрузка
        переносятся — проверьте их в администрировании.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Учебный год"
          w={130}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        />
        <DateField label="Начало" value={form.startDate} onChange={(v) => setForm({ ...form, startDate: v })} />
        <DateField label="Окончание" value={form.endDate} onChange={(v) => setForm({ ...form, endDate: v })} />
        <Button onClick={() => prepare.mutate()} loading={prepare.isPending} data-testid="next-year-prepare">
          Подготовить {form.name}
        </Button>
      </Group>
    </Paper>
  );
}
