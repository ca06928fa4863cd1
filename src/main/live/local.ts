import type { LiveFeed } from '../../core/live/feed';
import type { ChangeSource } from './relay';

/** How often a quiet stream reads its session again, to end it once the session ended or locked. */
const checkEveryMs = 15_000;

/**
 * The changes of the journal on this computer, for its own window when it serves the school: other computers'
 * saves arrive on the core's bus and are filtered by what the window's session may read, as the server does
 * for its clients' streams (host/events.ts); the window's own saves are not sent back to it.
 */
export function localChangeSource(feed: LiveFeed, options: { checkEveryMs?: number } = {}): ChangeSource {
  return {
    open(token, sink) {
      let open = true;
      let beat: ReturnType<typeof setInterval> | null = null;
      const close = () => {
        open = false;
        if (beat) clearInterval(beat);
        stream?.stop();
      };
      const stream = feed.watch(token, {
        change: (event) => sink.message({ type: 'change', event }),
        end() {
          close();
          sink.closed('ended');
        },
      });
      if (!stream) {
        sink.closed('ended');
        return () => {};
      }
      sink.message({ type: 'open' });
      if (open) beat = setInterval(() => stream.check(), options.checkEveryMs ?? checkEveryMs);
      return close;
    },
  };
}
