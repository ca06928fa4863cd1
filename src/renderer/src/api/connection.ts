/**
 * Whether the computer that keeps the journal answers. A call that could not reach it turns the state to
 * «unreachable» at once; from then on the server is asked again every few seconds, and the first answer of any
 * kind (even a refusal) turns it back — the saves kept on this computer meanwhile are then sent (api/outbox.ts).
 */
export type ConnectionState = 'online' | 'unreachable';

type Listener = () => void;

export const probeDelayMs = 2000;

export function createConnection(wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))) {
  let state: ConnectionState = 'online';
  let probing = false;
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());

  const reached = () => {
    if (state === 'online') return;
    state = 'online';
    emit();
  };

  return {
    state: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reached,
    /** A call did not reach the server: `answers` asks it again until it does. */
    lost(answers: () => Promise<boolean>) {
      if (state === 'unreachable') return;
      state = 'unreachable';
      emit();
      if (probing) return;
      probing = true;
      void (async () => {
        try {
          while (state === 'unreachable') {
            await wait(probeDelayMs);
            if (state === 'unreachable' && (await answers())) reached();
          }
        } finally {
          probing = false;
        }
      })();
    },
  };
}

/** The renderer's one view of the connection: every call reports to it (api/invoke.ts). */
export const connection = createConnection();
