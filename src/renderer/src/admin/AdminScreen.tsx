import { Stack, Tabs } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { useHashParams, useHashRoute } from '../shell/useHashRoute';
import { StructureYearPicker, StructureYearProvider } from '../structure/year';
import { adminPages } from './pages';

/** «Администрирование»: the pages the user's roles allow, as tabs; the open one is kept in the address (`#/admin?page=classes`). */
export function AdminScreen({ user }: { user: SessionUser }) {
  const params = useHashParams();
  const [, navigate] = useHashRoute();
  const pages = adminPages.filter((p) => p.anyOf.some((perm) => mayAccess(perm, user.roles)));
  const current = pages.find((p) => p.id === params.get('page')) ?? pages[0];
  const canEdit = mayAccess('school.manage', user.roles);
  if (!current) return null;
  return (
    <Stack gap="md">
      {/* Above the tabs: the chosen year holds from «Классы» to «Нагрузка». */}
      <StructureYearProvider applies={current.byYear === true}>
        <Tabs value={current.id} onChange={(id) => id && navigate(`admin?page=${id}`)} keepMounted={false}>
          <Tabs.List data-testid="admin-pages">
            {pages.map((p) => (
              <Tabs.Tab key={p.id} value={p.id} data-testid={`admin-tab-${p.id}`}>
                {p.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {/* A panel for every tab, as each tab names its panel (aria-controls); only the open one has content. */}
          {pages.map((p) => (
            <Tabs.Panel key={p.id} value={p.id} pt="md">
              {p.id === current.id && (
                <>
                  {current.byYear && <StructureYearPicker />}
                  <div key={current.id}>{current.render({ canEdit })}</div>
                </>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </StructureYearProvider>
    </Stack>
  );
}
