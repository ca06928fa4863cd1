import { execFileSync } from 'node:child_process';

/**
 * Another computer on a wire of its own: a network namespace joined to this one by a veth pair, each end
 * with an address of a /30. A connection from it arrives from a non-loopback address, as from a lab's
 * computer, and crosses an interface tcpdump can listen on. Needs root; `reason` says why not otherwise.
 */
export interface OtherComputer {
  /** The address of this computer as the other one sees it. */
  serverAddress: string;
  clientAddress: string;
  /** This computer's end of the wire, to capture on. */
  interface: string;
  /** A command run on the other computer. */
  run(command: string, args: string[]): string;
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });

export function otherComputer(): OtherComputer | { reason: string } {
  if (process.getuid?.() !== 0) return { reason: 'a network namespace needs root' };
  // Names and a /30 from the process id: test files run in parallel, other checkouts on the same machine too.
  const id = process.pid % 100_000;
  const [ns, here, there] = [`zjn${id}`, `zjh${id}`, `zjc${id}`];
  const base = `10.213.${(process.pid >> 6) & 255}`;
  const low = (process.pid & 63) << 2;
  const [serverAddress, clientAddress] = [`${base}.${low + 1}`, `${base}.${low + 2}`];
  const remove = () => {
    try {
      ip('netns', 'del', ns); // takes the veth pair with it
    } catch {
      /* not made */
    }
  };
  try {
    ip('netns', 'add', ns);
    ip('link', 'add', here, 'type', 'veth', 'peer', 'name', there);
    ip('link', 'set', there, 'netns', ns);
    ip('addr', 'add', `${serverAddress}/30`, 'dev', here);
    ip('link', 'set', here, 'up');
    ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${clientAddress}/30`, 'dev', there);
    ip('netns', 'exec', ns, 'ip', 'link', 'set', there, 'up');
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  } catch (e) {
    remove();
    try {
      ip('link', 'del', here);
    } catch {
      /* gone with the namespace */
    }
    return {
      reason: `no network namespace here: ${(e as { stderr?: Buffer }).stderr?.toString().trim() || String(e)}`,
    };
  }
  return {
    serverAddress,
    clientAddress,
    interface: here,
    run: (command, args) =>
      execFileSync('ip', ['netns', 'exec', ns, command, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    remove,
  };
}
