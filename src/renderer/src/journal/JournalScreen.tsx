import { RemarkButton } from '../inspection/RemarkButton';
import { useState } from 'react';
import { useHashParams } from '../shell/useHashRoute';
import { Group, Input, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { AssignmentSummary, SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { mayAccess } from '../../../shared/roles';
import { useAssignments, useGridData, usePeriods } from '../api/queries';
import { ErrorPanel } from '../errors/ErrorPanel';
import { PlanButton } from '../plans/PlanButton';
import { useYears } from '../school/useYears';
import { YearSelect } from '../school/YearSelect';
import { AssignmentSelect } from './AssignmentSelect';
import { ruDate, todayIso } from '../../../shared/dates';
import { JournalPage } from './JournalPage';
import { defaultPeriod } from './periods';
import { Loading } from '../errors/QueryGate';

/** Choose a journal (class, subject, subgroup) and a period, or come from a link; then write on its page. */
export function JournalScreen({ user }: { user: SessionUser }) {
  const today = todayIso();
  const params = useHashParams();
  const linked = {
    assignment: Number(params.get('assignment')) || null,
    period: Number(params.get('period')) || null,
    lesson: Number(params.get('lesson')) || null,
  };
  // Another year's journals (a closed year's among them) are read through the same page; a link may name the year.
  const [yearId, setYearId] = useState<number | undefined>(Number(params.get('year')) || undefined);
  const years = useYears();
  const assignments = useAssignments(yearId);
  const [chosenAssignment, setChosenAssignment] = useState<AssignmentSummary | null>(null);
  const list = assignments.data ?? [];
  // Opens on the journal a link named, else the user's own; those they only substituted in come after.
  const assignment =
    list.find((a) => a.id === (chosenAssignment?.id ?? linked.assignment)) ??
    list.find((a) => !a.viaSubstitution) ??
    list[0];
  const openedLessonId = chosenAssignment === null ? linked.lesson : null;

  const periods = usePeriods(assignment?.yearId, assignment?.grade);
  const [chosenPeriodId, setChosenPeriodId] = useState<number | 'year' | null>(null);
  const periodList = periods.data ?? [];
  const wholeYear = chosenPeriodId === 'year';
  const period =
    periodList.find((p) => p.id === (chosenPeriodId ?? (chosenAssignment === null ? linked.period : null))) ??
    defaultPeriod(periodList, today);
  const grid = useGridData(assignment?.id, wholeYear ? 'year' : period?.id);

  const yearPicker = (
    <YearSelect
      label="Учебный год"
      w={130}
      years={years.data}
      value={yearId}
      onChange={(y) => {
        setYearId(y.id);
        setChosenAssignment(null);
        setChosenPeriodId(null);
      }}
      onlyIfChoice
      data-testid="journal-year"
    />
  );

  // A new school has no current year yet: that is a state to explain, not an error.
  if (assignments.error instanceof AppError && assignments.error.kind === 'not_found') {
    return (
      <Paper withBorder p="xl">
        <Text>{assignments.error.message}.</Text>
        <Text c="dimmed" size="sm" mt="xs">
          Журналы появятся, когда администратор внесёт учебный год, классы, предметы и нагрузку учителей.
        </Text>
      </Paper>
    );
  }
  if (assignments.error) return <ErrorPanel error={assignments.error} onRetry={() => void assignments.refetch()} />;
  if (!assignments.data) return <Loading />;
  if (!assignment) {
    return (
      <Stack gap="md">
        {yearPicker}
        <Paper withBorder p="xl">
          <Text c="dimmed">
            В этом учебном году у вас нет журналов: обратитесь к администратору, чтобы назначили нагрузку.
          </Text>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="lg">
          {yearPicker}
          <AssignmentSelect
            assignments={list}
            value={assignment}
            onChange={setChosenAssignment}
            showTeacher={mayAccess('journal.read_all', user.roles)}
          />
          {periodList.length > 0 && period && (
            <Input.Wrapper label="Период">
              <div>
                <SegmentedControl
                  data-testid="period-select"
                  data={[
                    ...periodList.map((p) => ({ value: String(p.id), label: p.name })),
                    { value: 'year', label: 'Год' },
                  ]}
                  value={wholeYear ? 'year' : String(period.id)}
                  onChange={(v) => setChosenPeriodId(v === 'year' ? 'year' : Number(v))}
                />
              </div>
            </Input.Wrapper>
          )}
        </Group>
        <Stack gap={0} align="flex-end">
          <Group gap="sm">
            <Text size="sm">
              Учитель: <b>{assignment.teacherName}</b>
            </Text>
            <PlanButton
              assignment={assignment}
              canEdit={
                mayAccess('journal.write', user.roles) &&
                !assignment.viaSubstitution &&
                !mayAccess('journal.read_all', user.roles)
              }
            />
            {mayAccess('journals.inspect', user.roles) && (
              <RemarkButton
                assignmentId={assignment.id}
                journalName={`${assignment.className} · ${assignment.subjectName}${assignment.subgroupName ? ` (${assignment.subgroupName})` : ''}`}
              />
            )}
          </Group>
          {period && (
            <Text size="xs" c="dimmed" data-testid="period-dates">
              {grid.data && wholeYear
                ? `Учебный год: ${ruDate(grid.data.period.startDate)} — ${ruDate(grid.data.period.endDate)}`
                : `${period.name}: ${ruDate(period.startDate)} — ${ruDate(period.endDate)}`}
            </Text>
          )}
        </Stack>
      </Group>

      {periods.error && <ErrorPanel error={periods.error} onRetry={() => void periods.refetch()} />}
      {periods.data && periodList.length === 0 && (
        <Text c="dimmed">Для {assignment.grade}-х классов не заданы учебные периоды.</Text>
      )}
      {grid.error && <ErrorPanel error={grid.error} onRetry={() => void grid.refetch()} />}
      {(periods.isLoading || grid.isLoading) && <Loading />}
      {grid.data && (
        <JournalPage
          key={`${grid.data.assignment.id}:${grid.data.scope}:${grid.data.period.id}`}
          grid={grid.data}
          today={today}
          openedLessonId={openedLessonId}
        />
      )}
    </Stack>
  );
}
