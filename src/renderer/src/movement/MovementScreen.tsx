import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { ErrorPanel } from '../errors/ErrorPanel';
import { todayIso } from '../../../shared/dates';
import { ClassRoll } from './ClassRoll';
import { OrderDialog, type OrderAction } from './OrderDialog';
import { useYears } from '../school/useYears';
import { YearSelect } from '../school/YearSelect';
import { useMovementClasses } from './queries';
import { RegisterView } from './RegisterView';
import { useHashParam } from '../shell/useHashRoute';
import { DateField } from '../dates/DateField';

/**
 * Движение учащихся: the class lists on a date and the director's orders that change them (arrival, transfer
 * to another class or subgroup, departure), and the movement register. Journals follow the orders' dates.
 * Any school year can be picked; a closed or past one is only read (and printed).
 */
export function MovementScreen({ user }: { user: SessionUser }) {
  const [date, setDate] = useState(todayIso());
  const [yearId, setYearId] = useState<number | undefined>(undefined);
  const [classId, setClassId] = useHashParam('class');
  const [action, setAction] = useState<OrderAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const years = useYears();
  const classes = useMovementClasses(date, yearId);
  const current = years.data?.find((y) => y.isCurrent);
  const shown = years.data?.find((y) => y.id === classes.data?.yearId);
  // A year that ended before the current one began: its lists are history, whether or not it was closed.
  const past = shown !== undefined && !shown.isCurrent && current !== undefined && shown.endDate < current.startDate;
  const canManage = mayAccess('movement.manage', user.roles) && classes.data?.closed === false && !past;
  const pickYear = (year: { id: number; startDate: string; endDate: string }) => {
    // The list's date moves into the year picked: today inside it, else its last (or first) day.
    const today = todayIso();
    setDate(today < year.startDate ? year.startDate : today > year.endDate ? year.endDate : today);
    setYearId(year.id);
    setClassId(null);
  };

  if (classes.error) return <ErrorPanel error={classes.error} onRetry={() => void classes.refetch()} />;
  if (!classes.data)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Загрузка" />
      </Center>
    );
  const list = classes.data.classes;
  const cls = list.find((c) => String(c.id) === classId) ?? list[0];
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <Title order={3}>Движение учащихся · {classes.data.yearName}</Title>
        <YearSelect
          w={150}
          aria-label="Учебный год"
          years={years.data}
          value={classes.data.yearId}
          onChange={pickYear}
          data-testid="movement-year"
        />
      </Group>
      {(classes.data.closed || past) && (
        <Alert
          color="gray"
          title={classes.data.closed ? 'Учебный год закрыт' : 'Прошлый учебный год'}
          data-testid="movement-readonly"
        >
          Списки и книга движения доступны только для просмотра и печати.
        </Alert>
      )}
      {done && (
        <Alert color="green" withCloseButton onClose={() => setDone(null)} data-testid="movement-done">
          {done}
        </Alert>
      )}
      <Tabs defaultValue="roll" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="roll">Списки классов</Tabs.Tab>
          <Tabs.Tab value="register">Книга движения</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="roll" pt="md">
          <Stack gap="sm">
            <Group align="flex-end">
              <Select
                label="Класс"
                w={140}
                data={list.map((c) => ({ value: String(c.id), label: c.name }))}
                value={cls ? String(cls.id) : null}
                onChange={setClassId}
                allowDeselect={false}
                searchable
                data-testid="movement-class"
              />
              <DateField label="Список на дату" value={date} onChange={(v) => v && setDate(v)} />
              {cls && (
                <Text size="sm" c="dimmed">
                  {cls.students.length} уч.
                </Text>
              )}
              {canManage && cls && (
                <Button ml="auto" onClick={() => setAction({ kind: 'arrive', cls })}>
                  Прибыл ученик
                </Button>
              )}
            </Group>
            {cls && <ClassRoll cls={cls} canManage={canManage} onAction={setAction} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterView
            key={classes.data.yearId}
            yearId={classes.data.yearId}
            classes={list}
            canManage={canManage}
            onDone={setDone}
          />
        </Tabs.Panel>
      </Tabs>
      {action && (
        <OrderDialog
          action={action}
          date={date}
          classes={list}
          onClose={() => setAction(null)}
          onDone={(message) => {
            setAction(null);
            setDone(message);
          }}
        />
      )}
    </Stack>
  );
}
