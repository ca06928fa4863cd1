import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert } from '@mantine/core';
import { connection } from '../api/connection';
import { outbox } from '../api/outbox';

const backShownMs = 6000;

/** «Нет связи с журналом» while the server does not answer, with what waits on this computer; then «восстановлена». */
export function ConnectionNotice() {
  const state = useSyncExternalStore(connection.subscribe, connection.state);
  const waiting = useSyncExternalStore(outbox.subscribe, outbox.items).length;
  const [back, setBack] = useState(false);
  const was = useRef(state);
  useEffect(() => {
    if (was.current === 'unreachable' && state === 'online') setBack(true);
    was.current = state;
    if (state !== 'online') setBack(false);
  }, [state]);
  useEffect(() => {
    if (!back || waiting > 0) return;
    const timer = window.setTimeout(() => setBack(false), backShownMs);
    return () => window.clearTimeout(timer);
  }, [back, waiting]);

  if (state === 'online' && !back) return null;
  const lost = state === 'unreachable';
  return (
    <Alert
      role="status"
      data-testid={lost ? 'connection-lost' : 'connection-back'}
      color={lost ? 'red' : 'teal'}
      variant="filled"
      title={lost ? 'Нет связи с журналом' : 'Связь с журналом восстановлена'}
      style={{
        position: 'fixed',
        // At the bottom, as the busy notice: the header and the lesson being filled stay in sight.
        bottom: 16,
        left: '50%',
        transform: 'translateX(-50%)',
        zIndex: 1100,
        width: 'min(720px, 94vw)',
        boxShadow: 'var(--mantine-shadow-md)',
      }}
    >
      {lost
        ? 'Компьютер, на котором хранится журнал, не отвечает. Вводите дальше: отметки и темы уроков сохраняются на этом компьютере и будут отправлены, когда связь восстановится.'
        : waiting > 0
          ? 'Отправляются изменения, сохранённые на этом компьютере.'
          : 'Все изменения, введённые без связи, сохранены в журнале.'}
      {waiting > 0 && (
        <div data-testid="waiting-count">
          <b>Не сохранено — ждёт связи: {waiting}</b>
        </div>
      )}
    </Alert>
  );
}
