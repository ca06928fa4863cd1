import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { lockUserData } from '../app/queryClient';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
// Checked every second against the clock, not with one long timer: a sleeping laptop or a throttled tab
// still locks at the right time, and tests move the clock instead of waiting ten minutes.
const checkEveryMs = 1000;

/**
 * Locks the session after `idleMinutes` without the keyboard or the mouse, and when the OS locks the screen
 * (Electron only). The core is told first (so the server refuses calls too), then everything loaded is dropped.
 */
export function useIdleLock(idleMinutes: number): void {
  const client = useQueryClient();
  useEffect(() => {
    let last = Date.now();
    let lastPing = last;
    let locked = false;
    const idleMs = idleMinutes * 60_000;
    const lock = (cause: 'idle' | 'screen') => {
      if (locked) return;
      locked = true;
      // Whatever the server answers, this window drops what it showed.
      void invoke(contract.auth.lock, { cause })
        .catch(() => undefined)
        .finally(() => lockUserData(client));
    };
    const touch = () => {
      last = Date.now();
    };
    for (const event of activity) window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= idleMs) return lock('idle');
      // Reading a journal makes no calls: while the keyboard or the mouse is in use, tell the server now and
      // then, or its own idle limit would lock a session someone is working in. It answers whether it did.
      if (last > lastPing && Date.now() - lastPing >= Math.min(60_000, idleMs / 4)) {
        lastPing = Date.now();
        void invoke(contract.auth.me, {})
          .then((me) => {
            if (me?.sessionLocked) lockUserData(client);
          })
          .catch(() => undefined);
      }
    }, checkEveryMs);
    const stopScreenLock = window.api?.onScreenLock?.(() => lock('screen'));
    return () => {
      for (const event of activity) window.removeEventListener(event, touch, { capture: true });
      window.clearInterval(timer);
      stopScreenLock?.();
    };
  }, [client, idleMinutes]);
}
