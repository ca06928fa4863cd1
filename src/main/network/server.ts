import { aroundDispatch, type Dispatch } from '../../core/api/dispatch';
import type { JournalLock } from '../../core/db/owner-lock';
import type { LiveFeed } from '../../core/live/feed';
import { advertiseHost } from '../../host/discovery/host';
import type { Advertised } from '../../host/discovery/advertise';
import { startHost, type StartedHost } from '../../host/start';
import { loadOrCreateCertificate, tlsDirFor, type ServerCertificate } from '../../host/tls/certificate';
import { servedNetwork } from '../../host/tls/served';
import type { ServedNetwork } from '../../shared/contract/network';
import { defaultPort } from './address';

export interface SchoolServerOptions {
  /** The core this app owns: the same dispatcher its own window calls. */
  dispatch: Dispatch;
  /** «Школьная сеть» as the admin set it (network:set). */
  schoolNetwork(): boolean;
  dbFile: string;
  /** The built renderer, for the lab's browsers. */
  rendererDir?: string;
  port?: number;
  /** Told the address, so a second program refused the file can offer to connect here instead. */
  lock?: JournalLock | null;
  /** The school's name, announced on the network (DNS-SD) for the clients' first start; not announced when absent. */
  schoolName?(): string | null;
  /** The core's change feed: served as `GET /api/events`, so the lab's browsers and the clients update live. */
  live?: LiveFeed;
}

export interface SchoolServer {
  /** Starts or stops serving to match the switch; resolves with what is served now. */
  sync(): Promise<ServedNetwork>;
  /** For network:info: the addresses, port and certificate (made at start even while off, so the code is readable). */
  served(): ServedNetwork;
  stop(): Promise<void>;
}

const everywhere = '0.0.0.0';

// Opening a PDF happens on the computer of whoever asked: a call from the network must not pop a viewer up on this
// screen (the server's desktop files are this computer's, not the caller's).
function networkDispatch(dispatch: Dispatch): Dispatch {
  return aroundDispatch(dispatch, (channel, input, call) =>
    channel === 'print:open'
      ? Promise.resolve({
          ok: false,
          error: {
            kind: 'conflict',
            message: 'Открыть или напечатать файл можно только в приложении Журнал на компьютере, где он хранится.',
          },
        })
      : dispatch(channel, input, call),
  );
}

/**
 * The desktop app as the school's server: with «Школьная сеть» on, the same host as `zhurnal serve` (HTTPS on
 * one port, plain HTTP for this computer only) runs in this process on the database the app owns; switched
 * off, it stops. Calls are serialised, so switching quickly twice cannot start two hosts.
 */
export function createSchoolServer(options: SchoolServerOptions): SchoolServer {
  let host: StartedHost | null = null;
  let announced: Advertised | null = null;
  let certificate: ServerCertificate | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  // Once bound, the same port again after switching off and on: the other computers keep the address they know.
  let port = options.port ?? defaultPort;
  const served = () => servedNetwork(host, certificate, everywhere);

  const apply = async (): Promise<ServedNetwork> => {
    certificate ??= await loadOrCreateCertificate(tlsDirFor(options.dbFile));
    const on = options.schoolNetwork();
    if (on && !host) {
      host = await startHost({
        dispatch: networkDispatch(options.dispatch),
        rendererDir: options.rendererDir,
        port,
        host: everywhere,
        schoolNetwork: options.schoolNetwork,
        tls: certificate,
        live: options.live,
      });
      port = host.port;
      options.lock?.announce(host.url);
      if (options.schoolName)
        announced = advertiseHost(host, { name: options.schoolName(), fingerprint: certificate.fingerprint });
    } else if (!on && host) {
      await close();
    }
    return served();
  };

  // The goodbye first, while the address still answers: clients drop the school from their lists at once.
  const close = async () => {
    const [closing, saying] = [host, announced];
    host = null;
    announced = null;
    await saying?.stop();
    await closing?.close();
  };

  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    sync: () => serial(apply),
    served,
    stop: () => serial(close),
  };
}

/**
 * The window's dispatch on the journal this app serves: switching «Школьная сеть» starts or stops the server at
 * once (no restart, unlike `zhurnal serve`); a server that cannot start is said in Russian, the switch stays set.
 */
export function withNetworkSwitch(dispatch: Dispatch, server: SchoolServer): Dispatch {
  return aroundDispatch(dispatch, async (channel, input, call) => {
    const result = await dispatch(channel, input, call);
    if (channel !== 'network:set' || !result.ok) return result;
    try {
      await server.sync();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason =
        code === 'EADDRINUSE'
          ? `порт ${defaultPort} занят другой программой (возможно, запущен zhurnal serve)`
          : (error as Error).message;
      return { ok: false, error: { kind: 'io', message: `Школьная сеть не запустилась: ${reason}.` } };
    }
    return result;
  });
}
