import { changeEvent, type LiveMessage } from '../../../shared/live';

type Listener = (message: LiveMessage) => void;

const firstRetryMs = 1_000;
const longestRetryMs = 15_000;

/**
 * The server's `/api/events` read by the browser itself. EventSource gives up on a refused answer (a lock, a
 * restart), so each loss is handled here alike: told as `lost`, then a new connection after a growing pause.
 */
function overHttp(listener: Listener): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let delay = firstRetryMs;
  let stopped = false;
  const connect = () => {
    retry = null;
    const current = new EventSource('/api/events');
    source = current;
    current.addEventListener('ready', () => {
      delay = firstRetryMs;
      listener({ type: 'open' });
    });
    current.addEventListener('change', (e) => {
      let data: unknown;
      try {
        data = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      // A change this release does not know (a newer server) is skipped; everything else still updates.
      const parsed = changeEvent.safeParse(data);
      if (parsed.success) listener({ type: 'change', event: parsed.data });
    });
    // The server dropped changes this tab did not read in time: as after a lost connection.
    current.addEventListener('reload', () => {
      listener({ type: 'lost' });
      listener({ type: 'open' });
    });
    current.addEventListener('end', () => {
      current.close();
      listener({ type: 'end' });
    });
    current.onerror = () => {
      current.close();
      if (stopped) return;
      listener({ type: 'lost' });
      retry = setTimeout(connect, delay);
      delay = Math.min(delay * 2, longestRetryMs);
    };
  };
  connect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    source?.close();
  };
}

/**
 * The changes other computers saved, from whichever transport the renderer runs on: the preload's when it has
 * one (the desktop client's main forwards the server's stream), else the browser's own stream. A desktop window
 * without it (a journal on this computer only) has no other screens to hear from.
 */
export function subscribeChanges(listener: Listener): () => void {
  if (window.api?.onChanges) return window.api.onChanges(listener);
  if (window.api) return () => {};
  return overHttp(listener);
}
