import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/open';
import type { ServedNetwork } from '../../shared/contract/network';
import { readSetting, writeSetting } from './settings';

/**
 * «Школьная сеть»: whether the host shell (`zhurnal serve`) answers the school's other
 * computers. Off by default: the journal holds children's personal data and is served to this computer only
 * until the admin decides otherwise. The host reads it on every request, so switching it off takes effect at once.
 */
export function createNetworkService({
  db,
  audit,
  served,
}: {
  db: Db;
  audit: AuditService;
  served?: () => ServedNetwork;
}) {
  const schoolNetwork = (): boolean => readSetting(db, 'host.schoolNetwork');
  /** Nothing served when the shell serves no network (the desktop app until it hosts, the tests). */
  const servedNow = (): ServedNetwork =>
    served?.() ?? { listening: false, port: null, urls: [], certificate: null, clients: [] };
  return {
    schoolNetwork,
    served: servedNow,
    /** The admin's page: the switch and what is served now. */
    info: () => ({ schoolNetwork: schoolNetwork(), ...servedNow() }),
    /** Answers with the setting now in force, which the screen shows. */
    setSchoolNetwork(actor: Actor, on: boolean): boolean {
      const was = readSetting(db, 'host.schoolNetwork');
      if (was === on) return was;
      writeSetting(db, 'host.schoolNetwork', on);
      audit.record({
        userId: actor.userId,
        action: 'settings.school_network',
        entity: 'setting',
        entityId: 'host.schoolNetwork',
        oldValue: was,
        newValue: on,
      });
      return on;
    },
  };
}
