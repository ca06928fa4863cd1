import { useState } from 'react';
import { Tabs } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess, type Permission } from '../../../shared/roles';
import { ImportScreen } from '../imports/ImportScreen';
import { SchoolScreen } from '../school/SchoolScreen';
import { SecurityPanel } from '../users/SecurityPanel';
import { UsersScreen } from '../users/UsersScreen';

interface AdminPage {
  id: string;
  label: string;
  permission: Permission;
  render(): React.ReactNode;
}

// Администрирование gathers the administrator's pages as tabs; each helper's page is one line here.
const pages: readonly AdminPage[] = [
  { id: 'users', label: 'Пользователи', permission: 'users.manage', render: () => <UsersScreen /> },
  { id: 'school', label: 'Школа', permission: 'school.manage', render: () => <SchoolScreen /> },
  { id: 'imports', label: 'Загрузка списков', permission: 'users.manage', render: () => <ImportScreen /> },
  { id: 'security', label: 'Безопасность', permission: 'users.manage', render: () => <SecurityPanel /> },
];

export function AdminScreen({ user }: { user: SessionUser }) {
  const allowed = pages.filter((p) => mayAccess(p.permission, user.roles));
  const [tab, setTab] = useState(allowed[0]?.id ?? 'users');
  return (
    <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
      <Tabs.List mb="lg">
        {allowed.map((p) => (
          <Tabs.Tab key={p.id} value={p.id} data-testid={`admin-tab-${p.id}`}>
            {p.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {allowed.map((p) => (
        <Tabs.Panel key={p.id} value={p.id}>
          {p.render()}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
