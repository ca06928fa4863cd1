import { appVersion } from '../../shared/version';
import { instanceName, openBonjour, serviceType, shortFingerprint, txtKeys, txtValue, type MdnsLink } from './service';

export interface Advertised {
  /** Sends the goodbye (the records with a zero lifetime), so clients drop the school at once, then closes. */
  stop(): Promise<void>;
}

export interface AdvertiseOptions extends MdnsLink {
  /** The school's name as its people know it (the login screen's). */
  name: string;
  port: number;
  /** The contract version it speaks; this build's by default. */
  version?: string;
  /** The certificate's SHA-256 (AB:CD:…): its first bytes tell two schools of the same name apart. */
  fingerprint?: string;
}

/**
 * Announces this computer's journal on the school's network as `_zhurnal._tcp`, so that another computer
 * finds it without anyone typing an address. The announcement says only where the server is and which
 * version it speaks; trust comes later, from the connection code compared with the certificate.
 */
export function advertise(options: AdvertiseOptions): Advertised {
  const bonjour = openBonjour(options);
  const txt: Record<string, string> = {
    [txtKeys.version]: options.version ?? appVersion,
    [txtKeys.school]: txtValue(txtKeys.school, options.name),
  };
  if (options.fingerprint) txt[txtKeys.fingerprint] = shortFingerprint(options.fingerprint);
  // No probing: the name carries the certificate's bytes, so only a copy of the same journal could collide,
  // and a probe that found one would silently withdraw the announcement.
  const service = bonjour.publish({
    name: instanceName(options.name, options.fingerprint),
    type: serviceType,
    port: options.port,
    txt,
    probe: false,
    disableIPv6: true,
  });
  let stopped: Promise<void> | null = null;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        const done = () => bonjour.destroy(() => resolve());
        // The goodbye is sent once; a socket that never bound calls back at once.
        if (service.published) service.stop?.(done);
        else done();
      })),
  };
}
