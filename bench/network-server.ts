// The server of the network bench, in a process of its own so the clients' work is not counted against it and
// its CPU and memory are its own: the core and the host shell as `zhurnal serve` runs them with «Школьная сеть»
// on — HTTPS on one port — but bound to 127.0.0.1, so the bench's traffic stays on this computer.
// Usage (forked by bench/network.ts, with an IPC channel): tsx bench/network-server.ts DBFILE TODAY
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import { fixedClock } from '../src/core/clock';
import { createEventStreams } from '../src/host/events';
import { listenSchool } from '../src/host/listen';
import { hostListener } from '../src/host/start';
import { loadOrCreateCertificate, tlsDirFor } from '../src/host/tls/certificate';

export type ServerMessage =
  | { ready: true; port: number; certPem: string }
  | {
      measured: true;
      cpuMs: number;
      rssMiB: number;
      peakRssMiB: number;
      loopP99Ms: number;
      loopMaxMs: number;
      /** From a request's arrival to its answer's last byte written, as the server sees it: saves, then grids. */
      served: { saves: number[]; grids: number[] };
    };
export type ServerCommand = 'mark' | 'measure' | 'stop';

async function main() {
  const [dbFile, today] = process.argv.slice(2) as [string, string];
  const core = createCore({
    dbFile,
    migrationsFolder: path.resolve('migrations'),
    clock: fixedClock(`${today}T10:00:00`),
    logError: (error, channel) => console.error(`[${channel}]`, error),
  });
  const certificate = await loadOrCreateCertificate(tlsDirFor(dbFile));
  const events = createEventStreams(core.live);
  const listener = hostListener({ dispatch: core.dispatch, schoolNetwork: () => true, events });
  let served = { saves: [] as number[], grids: [] as number[] };
  const timed: typeof listener = (req, res) => {
    const arrived = performance.now();
    const kind =
      req.url === '/api/journal:setMark' ? served.saves : req.url === '/api/journal:grid' ? served.grids : null;
    if (kind) res.once('finish', () => kind.push(performance.now() - arrived));
    return listener(req, res);
  };
  const listening = await listenSchool(timed, certificate, 0, '127.0.0.1');
  let since = process.cpuUsage();
  // How long a call could wait for the thread that answers calls, whatever held it.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const send = (m: ServerMessage) => process.send?.(m);
  process.on('message', (command: ServerCommand) => {
    if (command === 'mark') {
      since = process.cpuUsage();
      served = { saves: [], grids: [] };
      loop.reset();
    }
    if (command === 'measure') {
      const used = process.cpuUsage(since);
      send({
        measured: true,
        // Every thread of the process: the one answering calls and the pool's, which make the PDFs.
        cpuMs: (used.user + used.system) / 1000,
        rssMiB: process.memoryUsage().rss / 2 ** 20,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
        served,
      });
    }
    if (command === 'stop')
      void events
        .closeAll()
        .then(() => listening.close())
        .then(() => (core.close(), process.exit(0)));
  });
  // The bench that started it is gone (it failed): nothing is left listening.
  process.on('disconnect', () => process.exit(1));
  send({ ready: true, port: listening.port, certPem: certificate.certPem });
}

void main();
