import { useState } from 'react';
import { Center, Container, Loader } from '@mantine/core';
import { useMe, useSetupStatus } from '../api/queries';
import { ServerLine } from '../desktop/ServerLine';
import { ErrorPanel } from '../errors/ErrorPanel';
import { LoginScreen } from '../login/LoginScreen';
import { FirstStartScreen, type SetupOutcome } from '../setup/FirstStartScreen';
import { LockScreen } from '../session/LockScreen';
import { AppLayout } from '../shell/AppLayout';
import { ChangePasswordScreen } from '../users/ChangePasswordScreen';

function FullScreenLoader() {
  return (
    <Center h="100%">
      <Loader aria-label="Загрузка" />
    </Center>
  );
}

/** Which screen the program is on: first start, login, or the journal itself once someone is logged in. */
export function Root() {
  const status = useSetupStatus();
  const hasSchool = status.data?.hasSchool === true;
  const me = useMe(hasSchool);
  const [setupOutcome, setSetupOutcome] = useState<SetupOutcome | null>(null);

  const failed = status.error ?? me.error;
  if (failed) {
    return (
      <Container size="sm" pt={80}>
        <ErrorPanel error={failed} onRetry={() => void (status.error ? status.refetch() : me.refetch())} />
      </Container>
    );
  }
  if (!status.data) return <FullScreenLoader />;
  if (!hasSchool) return <FirstStartScreen onDone={setSetupOutcome} />;
  if (me.data === undefined) return <FullScreenLoader />;
  if (me.data === null)
    return (
      <>
        <LoginScreen schoolName={status.data.schoolName} isDemo={status.data.isDemo} setup={setupOutcome} />
        <ServerLine />
      </>
    );
  if (me.data.sessionLocked) return <LockScreen user={me.data} />;
  if (me.data.mustChangePassword) return <ChangePasswordScreen user={me.data} />;
  return <AppLayout user={me.data} schoolName={status.data.schoolName} />;
}
