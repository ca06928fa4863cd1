import { Tabs } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { ClassWeekView } from './ClassWeekView';
import { SchoolDayView } from './SchoolDayView';

/** «Посещаемость»: the class teacher checks the week of their class; the administration also sees the school's day. */
export function AttendanceScreen({ user }: { user: SessionUser }) {
  if (!mayAccess('journal.read_all', user.roles)) return <ClassWeekView />;
  return (
    <Tabs defaultValue={mayAccess('attendance.verify', user.roles) ? 'week' : 'day'} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="day">День школы</Tabs.Tab>
        <Tabs.Tab value="week">Неделя класса</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="day">
        <SchoolDayView />
      </Tabs.Panel>
      <Tabs.Panel value="week">
        <ClassWeekView />
      </Tabs.Panel>
    </Tabs>
  );
}
