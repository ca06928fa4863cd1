import { useState, useSyncExternalStore } from 'react';
import { Alert } from '@mantine/core';
import { otherServers } from '../api/outbox';

/**
 * Saves typed on this computer for another school server than the one it works with now (it was switched): they
 * are not sent here, where they do not belong, and stay on this computer until it works with that server again.
 */
export function OtherServerSaves() {
  const others = useSyncExternalStore(otherServers.subscribe, otherServers.get);
  const [hidden, setHidden] = useState(false);
  if (others.length === 0 || hidden) return null;
  return (
    <Alert
      role="status"
      data-testid="other-server-saves"
      color="yellow"
      title="Есть изменения для другого сервера"
      withCloseButton
      closeButtonLabel="Скрыть"
      onClose={() => setHidden(true)}
      style={{ position: 'fixed', bottom: 16, left: 16, zIndex: 1050, width: 'min(380px, 90vw)' }}
    >
      {others.map((o) => (
        <div key={o.label}>
          {o.label}: не сохранено — {o.count}
        </div>
      ))}
      Они введены, когда компьютер работал с тем сервером, и будут отправлены туда, когда он снова будет к нему
      подключён; в этот журнал они не попадут.
    </Alert>
  );
}
