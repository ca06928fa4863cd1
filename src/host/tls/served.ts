import type { ServedNetwork } from '../../shared/contract/network';
import type { StartedHost } from '../start';
import type { ServerCertificate } from './certificate';
import { machineNames, networkAddresses } from './names';

/** What «Школьная сеть» shows: the addresses to type on another computer, the code to compare, the certificate. */
export function servedNetwork(
  host: StartedHost | null,
  certificate: ServerCertificate | null,
  boundTo: string,
): ServedNetwork {
  const listening = host?.network ?? false;
  const everywhere = boundTo === '0.0.0.0' || boundTo === '::';
  const targets = everywhere ? [...machineNames().filter((n) => n !== 'localhost'), ...networkAddresses()] : [boundTo];
  const port = host?.port ?? null;
  return {
    listening,
    port,
    clients: host?.clients() ?? [],
    urls: listening ? targets.map((t) => `https://${t.includes(':') ? `[${t}]` : t}:${port}/`) : [],
    certificate: certificate && {
      code: certificate.code,
      fingerprint: certificate.fingerprint,
      pem: certificate.certPem,
      validTo: certificate.validTo,
    },
  };
}
