import type { StartedHost } from '../start';
import { advertise, type Advertised } from './advertise';
import type { MdnsLink } from './service';

/**
 * Announces a started host when it serves the school's network (`zhurnal serve`, the desktop app's server);
 * null when it listens on this computer only, as then there is nothing for another computer to find.
 * The caller stops it before closing the host, so clients hear the goodbye while the address still answers.
 */
export function advertiseHost(
  host: Pick<StartedHost, 'network' | 'port'>,
  school: { name: string | null; fingerprint?: string },
  link: MdnsLink = {},
): Advertised | null {
  if (!host.network) return null;
  return advertise({ name: school.name ?? 'Журнал', port: host.port, fingerprint: school.fingerprint, ...link });
}
