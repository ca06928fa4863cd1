import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { ErrorPanel } from '../errors/ErrorPanel';
import { todayIso } from '../journal/dates';
import { ClassRoll } from './ClassRoll';
import { OrderDialog, type OrderAction } from './OrderDialog';
import { useMovementClasses } from './queries';
import { RegisterView } from './RegisterView';

/**
 * Движение учащихся: the class lists on a date and the director's orders that change them (arrival, transfer
 * to another class or subgroup, departure), and the movement register. Journals follow the orders' dates.
 */
export function MovementScreen({ user }: { user: SessionUser }) {
  const [date, setDate] = useState(todayIso());
  const [classId, setClassId] = useState<string | null>(null);
  const [action, setAction] = useState<OrderAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const classes = useMovementClasses(date);
  const canManage = mayAccess('movement.manage', user.roles) && classes.data?.closed === false;

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
      <Title order={3}>Движение учащихся · {classes.data.yearName}</Title>
      {classes.data.closed && (
        <Alert color="gray" title="Учебный год закрыт">
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
              <Select label="Класс" w={140} data={list.map((c) => ({ value: String(c.id), label: c.name }))} value={cls ? String(cls.id) : null} onChange={setClassId} allowDeselect={false} searchable data-testid="movement-class" />
              <TextInput label="Список на дату" type="date" value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
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
          <RegisterView />
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
