import { Group, Table, Text } from '@mantine/core';
import { ErrorPanel } from '../errors/ErrorPanel';
import { todayIso } from '../../../shared/dates';
import { codeColor } from './codes';
import { useSchoolDay } from './queries';
import { Loading } from '../errors/QueryGate';
import { useHashParam } from '../shell/useHashRoute';
import { DateField } from '../dates/DateField';

/** The deputy's morning: who is absent today, class by class, with the counts. */
export function SchoolDayView() {
  const [dateParam, setDate] = useHashParam('date');
  const date = dateParam ?? todayIso();
  const day = useSchoolDay(date);
  const totals = (day.data?.classes ?? []).reduce(
    (t, c) => ({ enrolled: t.enrolled + c.enrolled, allDay: t.allDay + c.absentAllDay, some: t.some + c.absentSome }),
    { enrolled: 0, allDay: 0, some: 0 },
  );

  return (
    <>
      <Group align="flex-end" mb="md">
        <DateField label="День" value={date} onChange={(v) => setDate(v)} data-testid="school-day-date" />
        {day.data && (
          <Text data-testid="school-day-totals">
            Учеников: {totals.enrolled}; отсутствуют весь день: <b>{totals.allDay}</b>; пропустили часть уроков:{' '}
            <b>{totals.some}</b>
          </Text>
        )}
      </Group>
      {day.error && <ErrorPanel error={day.error} onRetry={() => void day.refetch()} />}
      {day.isLoading && <Loading />}
      {day.data && (
        <Table striped withTableBorder withColumnBorders data-testid="school-day">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Класс</Table.Th>
              <Table.Th w={90}>Учеников</Table.Th>
              <Table.Th w={110}>Весь день</Table.Th>
              <Table.Th w={110}>Часть уроков</Table.Th>
              <Table.Th>Кто отсутствует (пропуски по урокам)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {day.data.classes.map((c) => (
              <Table.Tr key={c.classId} data-testid={`school-day-${c.className}`}>
                <Table.Td fw={600}>{c.className}</Table.Td>
                <Table.Td>{c.enrolled}</Table.Td>
                <Table.Td>{c.absentAllDay || ''}</Table.Td>
                <Table.Td>{c.absentSome || ''}</Table.Td>
                <Table.Td>
                  {c.students.map((s, i) => (
                    <Text key={i} component="span" size="sm" mr="md" fw={s.allDay ? 600 : 400}>
                      {s.fullName}{' '}
                      {s.codes.map((code, k) => (
                        <span key={k} style={{ color: codeColor[code] }}>
                          {code}
                          {k < s.codes.length - 1 ? ' ' : ''}
                        </span>
                      ))}
                      {s.allDay ? ' (весь день)' : ''}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {day.data && day.data.classes.length === 0 && <Text c="dimmed">В этот день нет учебного года.</Text>}
    </>
  );
}
