import { useState } from 'react';
import { Alert, Group, Stack, Title } from '@mantine/core';
import { contract, type SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { useChannel } from '../api/useChannel';
import { useYears } from '../school/useYears';
import { YearSelect } from '../school/YearSelect';
import { ErrorPanel } from '../errors/ErrorPanel';
import { todayIso } from '../../../shared/dates';
import { ClosePanel } from './ClosePanel';
import { DecisionsPanel } from './DecisionsPanel';
import { GapsPanel } from './GapsPanel';
import { NextYearPanel } from './NextYearPanel';
import { Loading } from '../errors/QueryGate';

/** Закрытие учебного года: the marks check, the decisions, the lock, and the next year. */
export function YearCloseScreen({ user }: { user: SessionUser }) {
  const [yearId, setYearId] = useState<number | undefined>(undefined);
  const [prepared, setPrepared] = useState<string | null>(null);
  const years = useYears();
  const status = useChannel(contract.years.status, { yearId });
  const today = todayIso();
  if (status.error) return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <Loading />;
  const s = status.data;
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={3}>Закрытие учебного года · {s.year.name}</Title>
        <YearSelect
          w={150}
          aria-label="Учебный год"
          years={years.data}
          value={s.year.id}
          onChange={(y) => setYearId(y.id)}
        />
      </Group>
      {prepared && (
        <Alert
          color="green"
          title="Новый учебный год"
          withCloseButton
          onClose={() => setPrepared(null)}
          data-testid="next-year-done"
        >
          {prepared}
        </Alert>
      )}
      <GapsPanel gaps={s.gaps} notEnded={s.notEnded} yearId={s.year.id} />
      <DecisionsPanel key={s.year.id} yearId={s.year.id} rows={s.students} readOnly={s.closed !== null} today={today} />
      <ClosePanel key={`close-${s.year.id}`} status={s} today={today} />
      {s.closed && mayAccess('school.manage', user.roles) && (
        <NextYearPanel
          key={`next-${s.year.id}`}
          status={s}
          onPrepared={(message) => {
            // Stay on the year just closed: the new one becomes current, this one keeps its state on screen.
            setYearId(s.year.id);
            setPrepared(message);
          }}
        />
      )}
    </Stack>
  );
}
