import { Group, NavLink, Text, Title, VisuallyHidden } from '@mantine/core';
import type { SessionUser } from '../../../shared/contract';
import { BackupReminder } from '../backup/BackupReminder';
import { RetentionReminder } from '../retention/RetentionReminder';
import { sectionScreens } from './screens';
import { visibleSections, type Section } from './sections';
import { useHashRoute } from './useHashRoute';
import { UserMenu } from './UserMenu';
import { useIdleLock } from '../session/useIdleLock';
import { useLiveChanges } from '../live/useLiveChanges';
import './shell.css';

function SectionContent({ section, user }: { section: Section; user: SessionUser }) {
  return sectionScreens[section.id](user);
}

/** The program after login: the sections the user's roles allow on the left, the chosen one on the right. */
export function AppLayout({ user, schoolName }: { user: SessionUser; schoolName: string | null }) {
  const [route, navigate] = useHashRoute();
  useIdleLock(user.idleLockMinutes);
  useLiveChanges();
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
          {current?.id !== 'backup' && allowed.some((s) => s.id === 'backup') && (
            <BackupReminder onOpen={() => navigate('backup')} />
          )}
          {current?.id !== 'retention' && allowed.some((s) => s.id === 'retention') && (
            <RetentionReminder onOpen={() => navigate('retention')} />
          )}
          {/* The screen's name as the page's first heading, for screen readers; each screen shows its own titles. */}
          {current && (
            <VisuallyHidden>
              <h1>{current.label}</h1>
            </VisuallyHidden>
          )}
          {current && <SectionContent key={current.id} section={current} user={user} />}
        </div>
      </main>
    </div>
  );
}
