import { useState } from 'react';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { ErrorPanel } from '../errors/ErrorPanel';
import { todayIso } from '../../../shared/dates';
import { HoursCheck } from './HoursCheck';
import { PlanEditor } from './PlanEditor';
import { PlanImport } from './PlanImport';
import { useAssignPlan, usePlan } from './queries';
import { Loading } from '../errors/QueryGate';
import { DateField } from '../dates/DateField';

/** The plan of one journal: topics with planned and given hours; its teacher imports it and puts it on the lessons. */
export function PlanView({ assignmentId, canEdit }: { assignmentId: number; canEdit: boolean }) {
  const plan = usePlan(assignmentId);
  const assign = useAssignPlan(assignmentId);
  const [mode, setMode] = useState<'view' | 'import' | 'edit'>('view');
  const [fromDate, setFromDate] = useState(todayIso());

  if (plan.error) return <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) {
    return <Loading />;
  }
  const p = plan.data;
  let section: string | null = null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text data-testid="plan-totals">
          Тем: {p.topics.length}; запланировано {p.plannedHours} ч; дано уроков: {p.givenHours}
        </Text>
        {canEdit && mode === 'view' && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setMode('edit')} data-testid="plan-edit-open">
              {p.topics.length ? 'Изменить вручную' : 'Составить вручную'}
            </Button>
            <Button variant="light" onClick={() => setMode('import')} data-testid="plan-import-open">
              Загрузить из файла…
            </Button>
          </Group>
        )}
      </Group>
      {mode === 'import' && <PlanImport assignmentId={assignmentId} onDone={() => setMode('view')} />}
      {mode === 'edit' && <PlanEditor plan={p} onDone={() => setMode('view')} />}
      {mode === 'view' && <HoursCheck planned={p.plannedHours} curriculum={p.curriculumHours} />}
      {canEdit && p.topics.length > 0 && mode === 'view' && (
        <Group align="flex-end">
          <DateField
            label="Расставить темы по урокам, начиная с"
            value={fromDate}
            onChange={(v) => setFromDate(v)}
            data-testid="plan-from"
          />
          <Button
            variant="default"
            loading={assign.isPending}
            onClick={() => assign.mutate(fromDate)}
            data-testid="plan-assign"
          >
            Расставить темы
          </Button>
          {assign.data && (
            <Text size="sm" data-testid="plan-assign-result">
              {assign.data.lessons > 0
                ? `Темы поставлены на ${assign.data.lessons} уроков.`
                : 'Нет уроков без темы или все часы плана уже распределены.'}
            </Text>
          )}
        </Group>
      )}
      {mode === 'edit' ? null : p.topics.length === 0 ? (
        <Text c="dimmed">Тематическое планирование ещё не загружено.</Text>
      ) : (
        <Table withTableBorder data-testid="plan-topics">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>№</Table.Th>
              <Table.Th>Тема</Table.Th>
              <Table.Th>Домашнее задание</Table.Th>
              <Table.Th w={90}>Часов</Table.Th>
              <Table.Th w={90}>Дано</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.topics.flatMap((t) => {
              const heading =
                t.section && t.section !== section ? (
                  <Table.Tr key={`s${t.id}`} bg="var(--mantine-color-gray-1)">
                    <Table.Td colSpan={5} fw={600}>
                      {t.section}
                    </Table.Td>
                  </Table.Tr>
                ) : null;
              section = t.section ?? section;
              const row = (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.position}</Table.Td>
                  <Table.Td>{t.title}</Table.Td>
                  <Table.Td>{t.homework}</Table.Td>
                  <Table.Td>{t.hours}</Table.Td>
                  <Table.Td c={t.givenHours >= t.hours ? 'teal.8' : t.givenHours > 0 ? 'blue.8' : 'dimmed'}>
                    {t.givenHours}
                  </Table.Td>
                </Table.Tr>
              );
              return heading ? [heading, row] : [row];
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
