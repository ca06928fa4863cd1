import os from 'node:os';

/** This computer's name as other computers may type it: bare, and as mDNS (.local) announces it. */
export function machineNames(): string[] {
  const own = os.hostname().toLowerCase();
  return [...new Set([own, `${own}.local`, 'localhost'])];
}

/** The addresses other computers of the school can reach: every non-internal IPv4 and global IPv6 address. */
export function networkAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue;
      // A link-local IPv6 address needs a zone (%eth0) that a browser's address bar does not take.
      if (a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80')) continue;
      found.push(a.address);
    }
  }
  return [...new Set(found)];
}
