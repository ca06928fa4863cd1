import { Tabs } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { ClassWeekView } from './ClassWeekView';
import { SchoolDayView } from './SchoolDayView';
import { goTo, hashOf, useHashParams } from '../shell/useHashRoute';

/** «Посещаемость»: the class teacher checks the week of their class; the administration also sees the school's day. */
export function AttendanceScreen({ user }: { user: SessionUser }) {
  const tab = useHashParams().get('tab');
  if (!mayAccess('journal.read_all', user.roles)) return <ClassWeekView />;
  return (
    <Tabs
      value={tab === 'day' || tab === 'week' ? tab : mayAccess('attendance.verify', user.roles) ? 'week' : 'day'}
      // Each tab keeps its own choices: a class's week is not carried into the school's day.
      onChange={(v) => v && goTo(hashOf('attendance', [], { tab: v }))}
      keepMounted={false}
    >
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
