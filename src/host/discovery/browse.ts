import type { Service } from 'bonjour-service';
import { isIPv4 } from 'node:net';
import { openBonjour, serviceType, txtKeys, type MdnsLink } from './service';

/** A school's journal server announced on this network, as the «Подключиться к журналу школы» list shows it. */
export type FoundSchool = { name: string; host: string; addresses: string[]; port: number; version: string };

function foundOf(service: Service): FoundSchool {
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const announced = (service.addresses ?? []).filter(isIPv4);
  // The address the answer came from is on this computer's own link: tried first, as the others the server
  // announced may be on networks this computer cannot reach.
  const from = service.referer?.address;
  const addresses = from ? [from, ...announced.filter((a) => a !== from)] : announced;
  return {
    name: typeof txt[txtKeys.school] === 'string' ? (txt[txtKeys.school] as string) : service.name,
    host: service.host,
    addresses,
    port: service.port,
    version: typeof txt[txtKeys.version] === 'string' ? (txt[txtKeys.version] as string) : '',
  };
}

export interface SchoolWatch {
  /** The schools announced now: a goodbye or an expired announcement removes one. */
  current(): FoundSchool[];
  stop(): Promise<void>;
}

/**
 * Listens for the schools' servers until stopped; `onChange` is told whenever one appears, changes or says
 * goodbye. The question is asked again a few times at growing intervals, as one multicast packet can be lost.
 */
export function watchSchools(options: MdnsLink & { onChange?(schools: FoundSchool[]): void } = {}): SchoolWatch {
  const bonjour = openBonjour(options);
  const found = new Map<string, FoundSchool>();
  const changed = () => options.onChange?.([...found.values()]);
  const browser = bonjour.find({ type: serviceType });
  const put = (service: Service) => {
    found.set(service.fqdn, foundOf(service));
    changed();
  };
  browser.on('up', put);
  browser.on('srv-update', put);
  browser.on('txt-update', put);
  browser.on('down', (service) => {
    if (found.delete(service.fqdn)) changed();
  });
  const timers = [1000, 3000, 7000].map((ms) => setTimeout(() => browser.update(), ms).unref());
  let stopped: Promise<void> | null = null;
  return {
    current: () => [...found.values()],
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        browser.stop();
        bonjour.destroy(() => resolve());
      })),
  };
}

/** The schools that answer within `timeoutMs`: what the client's first start lists to choose from. */
export async function browseSchools(options: MdnsLink & { timeoutMs: number }): Promise<FoundSchool[]> {
  const watch = watchSchools(options);
  await new Promise((resolve) => setTimeout(resolve, options.timeoutMs));
  const schools = watch.current();
  await watch.stop();
  return schools;
}
