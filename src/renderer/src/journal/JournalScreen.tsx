import { RemarkButton } from '../inspection/RemarkButton';
import { useEffect } from 'react';
import { currentSection, goTo, hashOf, slug, useHashParams, useHashPath } from '../shell/useHashRoute';
import { Group, Input, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
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
import {
  findAssignment,
  findPeriod,
  journalHash,
  journalTab,
  lastJournal,
  rememberJournal,
  type JournalPlace,
} from './route';
import { Loading } from '../errors/QueryGate';

/** Choose a journal (class, subject, subgroup) and a period, or come from a link; then write on its page. */
export function JournalScreen({ user }: { user: SessionUser }) {
  const today = todayIso();
  const parts = useHashPath();
  const params = useHashParams();
  // Another year's journals (a closed year's among them) are read through the same page; the address may name the year.
  const years = useYears();
  const yearParam = params.get('year');
  const namedYear = yearParam
    ? years.data?.find((y) => String(y.id) === yearParam || slug(y.name) === yearParam)
    : undefined;
  const assignments = useAssignments(namedYear?.id);
  const list = assignments.data ?? [];
  // Opens on the journal the address names, else the user's own; those they only substituted in come after.
  const named = findAssignment(list, parts, params);
  const assignment = named ?? list.find((a) => !a.viaSubstitution) ?? list[0];

  const periods = usePeriods(assignment?.yearId, assignment?.grade);
  const periodList = periods.data ?? [];
  const chosen = named ? findPeriod(periodList, parts, params) : undefined;
  const wholeYear = chosen === 'year';
  const period = (chosen === 'year' ? undefined : chosen) ?? defaultPeriod(periodList, today);
  const grid = useGridData(assignment?.id, wholeYear ? 'year' : period?.id);

  // «Журнал» without a journal in the address reopens the one this user had open last.
  const bare = parts.length === 0 && [...params.keys()].length === 0;
  const last = bare ? lastJournal(user.login) : null;
  const place: JournalPlace | null =
    assignment && periods.data && (!yearParam || years.data)
      ? {
          assignment,
          period: wholeYear ? 'year' : period,
          tab: journalTab(params),
          lessonId: named ? Number(params.get('lesson')) || null : null,
          year: namedYear && !namedYear.isCurrent ? slug(namedYear.name) : null,
        }
      : null;
  const address = place ? journalHash(place) : null;
  const remembered = place ? journalHash({ ...place, lessonId: null }) : null;
  useEffect(() => {
    // The address may have moved on while this journal loaded (another section clicked): leave it there.
    if (currentSection() !== 'journal') return;
    if (last) {
      goTo(last, { replace: true });
      return;
    }
    // The address always names what is shown (defaults filled in, old links rewritten), so it can be shared.
    if (address) goTo(address, { replace: true });
    if (remembered) rememberJournal(user.login, remembered);
  }, [last, address, remembered, user.login]);
  const go = (change: Partial<JournalPlace>) => place && goTo(journalHash({ ...place, lessonId: null, ...change }));

  const yearPicker = (
    <YearSelect
      label="Учебный год"
      w={130}
      years={years.data}
      value={namedYear?.id}
      onChange={(y) => goTo(hashOf('journal', [], { year: y.isCurrent ? null : slug(y.name) }))}
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
  if (!assignments.data || (yearParam && !years.data)) return <Loading />;
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
            onChange={(a) =>
              goTo(
                journalHash({
                  assignment: a,
                  period: wholeYear ? 'year' : period,
                  tab: journalTab(params),
                  lessonId: null,
                  year: place?.year ?? null,
                }),
              )
            }
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
                  onChange={(v) => go({ period: v === 'year' ? 'year' : periodList.find((p) => String(p.id) === v) })}
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
          openedLessonId={place?.lessonId ?? null}
          tab={journalTab(params)}
          onTab={(tab) => go({ tab })}
        />
      )}
    </Stack>
  );
}
