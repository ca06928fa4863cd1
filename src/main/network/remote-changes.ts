import { changeEvent } from '../../shared/live';
import type { ChangeSource } from '../live/relay';
import { noConnection, type RemoteTransport } from './transport';

/** The server writes a heartbeat every 15 s (host/events.ts): three missed mean the server or the network is gone. */
const silentForMs = 45_000;

/** Server-sent events as they arrive in pieces: each complete event (its name and data) once its blank line came. */
export function sseReader(onEvent: (name: string, data: string) => void): (text: string) => void {
  let buffer = '';
  return (text) => {
    buffer += text.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
      }
      if (block.split('\n').some((line) => !line.startsWith(':'))) onEvent(name, data.join('\n'));
    }
  };
}

/**
 * The school server's change stream (`/api/events`) read by the desktop client's main over the pinned connection,
 * in the window's session, turned into the messages the page's live changes understand.
 */
export function remoteChangeSource(transport: RemoteTransport, options: { silentForMs?: number } = {}): ChangeSource {
  return {
    open(token, sink) {
      let finished = false;
      let watchdog: ReturnType<typeof setTimeout> | null = null;
      const finish = (how: 'ended' | 'dropped' | 'unreachable' | null) => {
        if (finished) return;
        finished = true;
        if (watchdog) clearTimeout(watchdog);
        stream.close();
        if (how) sink.closed(how);
      };
      const alive = () => {
        if (watchdog) clearTimeout(watchdog);
        watchdog = setTimeout(() => finish('dropped'), options.silentForMs ?? silentForMs);
      };
      const read = sseReader((name, data) => {
        if (finished) return;
        if (name === 'ready') sink.message({ type: 'open' });
        else if (name === 'reload') {
          // The server dropped changes this client did not read in time: everything on screen is asked again.
          sink.message({ type: 'lost' });
          sink.message({ type: 'open' });
        } else if (name === 'end') finish('ended');
        else if (name === 'change') {
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            return;
          }
          // A change this release does not know (a newer server) is skipped; everything else still updates.
          const event = changeEvent.safeParse(parsed);
          if (event.success) sink.message({ type: 'change', event: event.data });
        }
      });
      const stream = transport.stream('/api/events', token, (text) => {
        alive();
        read(text);
      });
      alive();
      void stream.done.then((result) => {
        if (result.ok) finish('dropped');
        else if (result.error.kind === 'unauthorized') finish('ended');
        else finish(result.error.message === noConnection ? 'unreachable' : 'dropped');
      });
      return () => finish(null);
    },
  };
}
