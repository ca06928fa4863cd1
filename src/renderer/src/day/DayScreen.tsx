import { useEffect, useRef } from 'react';
import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMyDay } from '../api/queries';
import { ErrorPanel } from '../errors/ErrorPanel';
import { dayAndMonthName, ruDate, todayIso, weekdayOf } from '../../../shared/dates';
import { weekdayNames } from '../../../shared/timetable';
import { DayLessons } from './DayLessons';
import { journalHref } from '../journal/links';
import { Loading } from '../errors/QueryGate';
import { useHashParam } from '../shell/useHashRoute';
import { DateField } from '../dates/DateField';
import { MyRemarks } from '../inspection/MyRemarks';

/**
 * «Мой день»: the day's lessons from the timetable with what each still lacks, what earlier days still lack, the next
 * school day's lessons when the day has none, and the tests whose marks are overdue.
 */
export function DayScreen() {
  const [dateParam, setDate] = useHashParam('date');
  const today = todayIso();
  const date = dateParam ?? today;
  const day = useMyDay(date);
  const firstRef = useRef<HTMLAnchorElement>(null);
  // React's autoFocus does not focus links: done here once the day is loaded.
  useEffect(() => firstRef.current?.focus(), [day.data]);

  return (
    <Stack gap="lg" maw={1000}>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Мой день · {dayAndMonthName(date)}</Title>
        <DateField label="Другой день" value={date} onChange={(v) => v && setDate(v)} w={170} />
      </Group>
      {day.error && <ErrorPanel error={day.error} onRetry={() => void day.refetch()} />}
      {!day.data && !day.error && <Loading />}
      {day.data && (
        <>
          <Paper withBorder>
            {day.data.lessons.length === 0 ? (
              <Text p="md" c="dimmed" data-testid="day-no-lessons">
                В этот день у вас нет уроков.
              </Text>
            ) : (
              <DayLessons lessons={day.data.lessons} today={today} firstRef={firstRef} testId="day-lessons" />
            )}
          </Paper>

          <MyRemarks />

          {day.data.earlier.length > 0 && (
            <Stack gap="xs">
              <Title order={4}>Не заполнено за прошлые дни</Title>
              <Paper withBorder>
                <DayLessons
                  lessons={day.data.earlier}
                  today={today}
                  withDate
                  firstRef={day.data.lessons.some((l) => l.missing.length > 0) ? undefined : firstRef}
                  testId="day-earlier"
                />
              </Paper>
            </Stack>
          )}

          {day.data.next && (
            <Stack gap="xs">
              <Title order={4}>
                Ближайший учебный день · {weekdayNames[weekdayOf(day.data.next.date)]},{' '}
                {dayAndMonthName(day.data.next.date)}
              </Title>
              <Paper withBorder>
                <DayLessons lessons={day.data.next.lessons} today={today} testId="day-next" />
              </Paper>
            </Stack>
          )}

          {day.data.periodMarksDue.length > 0 && (
            <Stack gap="xs" data-testid="period-marks-due">
              <Title order={4}>Отметки за период</Title>
              {day.data.periodMarksDue.map((g) => (
                <Text key={`${g.assignmentId}:${g.periodId}`} c={g.overdue ? 'red' : undefined}>
                  <Anchor href={journalHref(g)}>
                    {g.className} · {g.subjectName}
                    {g.subgroupName ? ` (${g.subgroupName})` : ''}
                  </Anchor>
                  : {g.periodName} — нет отметки у {g.studentsWithoutMark} уч.,{' '}
                  {g.overdue ? `срок прошёл ${ruDate(g.dueDate)}` : `выставить до ${ruDate(g.dueDate)}`}
                </Text>
              ))}
            </Stack>
          )}

          <Stack gap="xs">
            <Title order={4}>Работы, не проверенные в срок</Title>
            {day.data.overdueControl.length === 0 ? (
              <Text c="dimmed" size="sm">
                Все отметки за контрольные работы и работы со сроком проверки выставлены в срок.
              </Text>
            ) : (
              <Paper withBorder>
                <Table data-testid="overdue-control">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Дата</Table.Th>
                      <Table.Th>Класс и предмет</Table.Th>
                      <Table.Th>Работа</Table.Th>
                      <Table.Th>Без отметки</Table.Th>
                      <Table.Th>Срок был</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {day.data.overdueControl.map((c) => (
                      <Table.Tr key={c.lessonId}>
                        <Table.Td>{ruDate(c.date)}</Table.Td>
                        <Table.Td>
                          <Anchor href={journalHref(c)}>
                            {c.className} · {c.subjectName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{c.workKindName}</Table.Td>
                        <Table.Td>{c.studentsWithoutMark}</Table.Td>
                        <Table.Td c="red">{ruDate(c.dueDate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
