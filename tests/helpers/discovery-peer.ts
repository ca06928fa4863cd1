// A computer of the school network looking for the journal's server, or a server announcing itself, in a
// process of its own (run inside a network namespace as another computer):
//   tsx tests/helpers/discovery-peer.ts browse MS [INTERFACE]   → one line of JSON: the schools found
//   tsx tests/helpers/discovery-peer.ts watch [INTERFACE]       → a line of JSON at each change, until stopped
//   tsx tests/helpers/discovery-peer.ts advertise NAME PORT [INTERFACE] → «announced», until SIGTERM: goodbye
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { advertiseHost } from '../../src/host/discovery/host';
import { browseSchools, watchSchools, type FoundSchool } from '../../src/host/discovery/browse';

export type Spawner = (command: string, args: string[]) => ChildProcess;

export const here: Spawner = (command, args) => spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });

const peer = (on: Spawner, args: string[]) =>
  on(process.execPath, ['--import', 'tsx', 'tests/helpers/discovery-peer.ts', ...args]);

/** Lines of a child's output as they come. */
function lines(child: ChildProcess, onLine: (line: string) => void): Promise<{ code: number | null; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n')) {
      onLine(out.slice(0, i));
      out = out.slice(i + 1);
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

/** The schools another computer finds in `ms`. */
export async function browseFrom(on: Spawner, ms: number, iface?: string): Promise<FoundSchool[]> {
  let found: FoundSchool[] | null = null;
  const { code, err } = await lines(peer(on, ['browse', String(ms), ...(iface ? [iface] : [])]), (l) => {
    found = JSON.parse(l) as FoundSchool[];
  });
  if (code !== 0 || !found) throw new Error(`browse failed (${code}): ${err}`);
  return found;
}

/** Another computer keeping its list of schools up to date; `until` resolves once the list satisfies a test. */
export function watchFrom(on: Spawner, iface?: string) {
  const child = peer(on, ['watch', ...(iface ? [iface] : [])]);
  let now: FoundSchool[] = [];
  const waiting = new Set<() => void>();
  const ended = lines(child, (l) => {
    now = JSON.parse(l) as FoundSchool[];
    for (const w of waiting) w();
  });
  return {
    current: () => now,
    until: (test: (schools: FoundSchool[]) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!test(now)) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
        void ended.then(({ code, err }) => reject(new Error(`watch ended (${code}): ${err}`)));
      }),
    stop: async () => {
      child.kill('SIGTERM');
      await ended;
    },
  };
}

/** A server announcing itself on a computer (without the journal behind it): resolves once it announced. */
export async function advertiseFrom(on: Spawner, name: string, port: number, iface?: string) {
  const child = peer(on, ['advertise', name, String(port), ...(iface ? [iface] : [])]);
  let announced!: () => void;
  const ready = new Promise<void>((resolve) => (announced = resolve));
  const ended = lines(child, (l) => l === 'announced' && announced());
  await Promise.race([ready, ended.then(({ code, err }) => Promise.reject(new Error(`advertise (${code}): ${err}`)))]);
  return {
    /** SIGTERM, as `zhurnal serve` gets it: the goodbye goes out before the process ends. */
    stop: () => {
      child.kill('SIGTERM');
      return ended;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, ...rest] = process.argv.slice(2) as [string, ...string[]];
  if (mode === 'browse') {
    const [ms, iface] = rest as [string, string | undefined];
    void browseSchools({ timeoutMs: Number(ms), interface: iface }).then((found) => console.log(JSON.stringify(found)));
  } else if (mode === 'watch') {
    const watch = watchSchools({ interface: rest[0], onChange: (s) => console.log(JSON.stringify(s)) });
    process.on('SIGTERM', () => void watch.stop().then(() => process.exit(0)));
  } else if (mode === 'advertise') {
    const [name, port, iface] = rest as [string, string, string | undefined];
    const link = iface ? { interface: iface } : {};
    const ad = advertiseHost({ network: true, port: Number(port) }, { name, fingerprint: 'AB:CD:EF:01' }, link)!;
    console.log('announced');
    process.on('SIGTERM', () => void ad.stop().then(() => process.exit(0)));
  } else {
    console.error(`unknown mode ${mode}`);
    process.exitCode = 2;
  }
}
