import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

/**
 * A school's network in miniature: computers, each a network namespace with one wire (eth0, 10.77.0.N/24) to a
 * switch — a bridge in a namespace of its own, so nothing of this machine's own network is touched. Multicast
 * (mDNS) crosses it: the bridge floods it (no snooping without a querier on the wire), and each computer has a
 * route for 224.0.0.0/4, as a school's computers have through their default route. Needs root.
 */
export interface LanComputer {
  address: string;
  /** A command on this computer, to its end. */
  run(command: string, args: string[]): string;
  /** A command on this computer, running on; `ip netns exec` execs it, so a signal reaches it directly. */
  spawn(command: string, args: string[]): ChildProcess;
}

export interface SchoolLan {
  computers: LanComputer[];
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });

export function schoolLan(count: number): SchoolLan | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'a network namespace needs root' };
  // Names from the process id: test files run in parallel, other checkouts on the same machine too. The
  // addresses may repeat between lans, as each lan is a world of its own.
  const id = process.pid % 100_000;
  const sw = `zls${id}`;
  const names = Array.from({ length: count }, (_, i) => `zl${i}n${id}`);
  const made: string[] = [];
  const remove = () => {
    for (const ns of made.splice(0).reverse()) {
      try {
        ip('netns', 'del', ns); // takes its ends of the wires, and the bridge, with it
      } catch {
        /* already gone */
      }
    }
  };
  try {
    ip('netns', 'add', sw);
    made.push(sw);
    ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge', 'mcast_snooping', '0');
    ip('-n', sw, 'link', 'set', 'br0', 'up');
    names.forEach((ns, i) => {
      ip('netns', 'add', ns);
      made.push(ns);
      ip('link', 'add', `p${i}`, 'netns', sw, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
      ip('-n', sw, 'link', 'set', `p${i}`, 'master', 'br0');
      ip('-n', sw, 'link', 'set', `p${i}`, 'up');
      ip('-n', ns, 'addr', 'add', `10.77.0.${i + 1}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', 'eth0');
    });
  } catch (e) {
    remove();
    return {
      reason: `no network namespace here: ${(e as { stderr?: Buffer }).stderr?.toString().trim() || String(e)}`,
    };
  }
  return {
    computers: names.map((ns, i) => ({
      address: `10.77.0.${i + 1}`,
      run: (command, args) =>
        execFileSync('ip', ['netns', 'exec', ns, command, ...args], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      spawn: (command, args) =>
        spawn('ip', ['netns', 'exec', ns, command, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ZHURNAL_LANG: 'ru' },
        }),
    })),
    remove,
  };
}
