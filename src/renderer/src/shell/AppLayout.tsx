import { Group, NavLink, Text, Title } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { AdminScreen } from '../admin/AdminScreen';
import { AttendanceScreen } from '../attendance/AttendanceScreen';
import { BackupReminder } from '../backup/BackupReminder';
import { BackupScreen } from '../backup/BackupScreen';
import { DayScreen } from '../day/DayScreen';
import { JournalScreen } from '../journal/JournalScreen';
import { MovementScreen } from '../movement/MovementScreen';
import { ImportScreen } from '../imports/ImportScreen';
import { mayAccess } from '../../../shared/roles';
import { YearCloseScreen } from '../years/YearCloseScreen';
import { RetentionReminder } from '../retention/RetentionReminder';
import { RetentionScreen } from '../retention/RetentionScreen';
import { PeriodLocksScreen } from '../periods/PeriodLocksScreen';
import { PrintScreen } from '../print/PrintScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { Placeholder } from './Placeholder';
import { visibleSections, type Section } from './sections';
import { useHashRoute } from './useHashRoute';
import { UserMenu } from './UserMenu';
import { useIdleLock } from '../session/useIdleLock';
import './shell.css';

function SectionContent({ section, user }: { section: Section; user: SessionUser }) {
  if (section.id === 'day') return <DayScreen />;
  if (section.id === 'journal') return <JournalScreen user={user} />;
  if (section.id === 'periods') return <PeriodLocksScreen />;
  if (section.id === 'attendance') return <AttendanceScreen user={user} />;
  if (section.id === 'reports') return <ReportsScreen />;
  if (section.id === 'backup') return <BackupScreen />;
  if (section.id === 'print') return <PrintScreen user={user} />;
  if (section.id === 'movement') return <MovementScreen user={user} />;
  if (section.id === 'imports') return <ImportScreen mayImportTeachers={mayAccess('users.manage', user.roles)} mayCreateClasses={mayAccess('school.manage', user.roles)} />;
  if (section.id === 'yearclose') return <YearCloseScreen user={user} />;
  if (section.id === 'retention') return <RetentionScreen />;
  if (section.id === 'admin') return <AdminScreen user={user} />;
  if (section.id === 'audit') return <AuditScreen />;
  return <Placeholder title={section.label} />;
}

/** The program after login: the sections the user's roles allow on the left, the chosen one on the right. */
export function AppLayout({ user, schoolName }: { user: SessionUser; schoolName: string | null }) {
  const [route, navigate] = useHashRoute();
  useIdleLock(user.idleLockMinutes);
  const allowed = visibleSections(user.roles);
  // An unknown or forbidden address (a bookmark of another user) opens the first allowed section instead.
  const current = allowed.find((s) => s.id === route) ?? allowed[0];

  return (
    <div className="zh-shell">
      <header className="zh-header">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={3} c="indigo.8">
              Журнал
            </Title>
            {schoolName && (
              <Text c="dimmed" size="sm" truncate>
                {schoolName}
              </Text>
            )}
          </Group>
          <UserMenu user={user} />
        </Group>
      </header>
      <main className="zh-body">
        <nav className="zh-nav" aria-label="Разделы" data-testid="navigation">
          <div className="zh-nav-links">
            {allowed.map((s) => (
              <NavLink
                key={s.id}
                label={s.label}
                active={s.id === current?.id}
                href={`#/${s.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(s.id);
                }}
                data-testid={`nav-${s.id}`}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            ))}
          </div>
        </nav>
        <div className="zh-content">
          {current?.id !== 'backup' && allowed.some((s) => s.id === 'backup') && <BackupReminder onOpen={() => navigate('backup')} />}
          {current?.id !== 'retention' && allowed.some((s) => s.id === 'retention') && <RetentionReminder onOpen={() => navigate('retention')} />}
          {current ? <SectionContent key={current.id} section={current} user={user} /> : <Placeholder title="Нет доступных разделов" />}
        </div>
      </main>
    </div>
  );
}
