// A worker thread's entry (see core/workers): the core's services over a connection of their own to the
// school's database, running the heavy calls the main thread's dispatcher sends (offload.ts), one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { handlerFor, type CallContext } from '../api/dispatch';
import { withComputer } from '../audit/computer';
import { createHandlers } from '../api/handlers';
import { openConnection } from '../db/open';
import { createServices } from '../services';
import { failureOf } from './failure';
import { poolNice } from './pool';
import { lowerThisThread } from './priority';
import type { CallsJob, CallsWorkerData, JobContext } from './offload';

// Below the thread that answers calls: the pool gets whatever CPU the answers leave.
lowerThisThread(poolNice);

const data = workerData as CallsWorkerData;
const port = parentPort!;
let job: JobContext = { at: Date.now(), fontsDir: null, printDir: null };
const folder = (dir: string | null, what: string) => {
  if (dir === null) throw new Error(`${what} не передана в ядро`);
  return dir;
};
const services = createServices({
  db: openConnection(data.dbFile),
  // The moment the call was made on the main thread: a job's entries and its «today» are those of the request.
  clock: { now: () => new Date(job.at) },
  fontsDir: () => folder(job.fontsDir, 'Папка шрифтов'),
  printDir: () => folder(job.printDir, 'Папка для печати'),
  origin: data.origin,
  printTo: data.printTo,
});
const handlers = createHandlers(services);
const call: CallContext = {
  sessionToken: null,
  client: 'worker',
  setSession() {
    throw new Error('A call run on a worker thread cannot change the session');
  },
};
const aborts = new Map<number, AbortController>();

function run(m: CallsJob & { id: number }, signal: AbortSignal): unknown {
  if (m.kind === 'printSchool') {
    const onProgress = (done: number, total: number, current: string | null) =>
      port.postMessage({ id: m.id, progress: [done, total, current] });
    return services.print.schoolToFolder(m.yearId, m.options, { signal, onProgress });
  }
  const handler = handlerFor(handlers, m.channel);
  if (!handler) throw new Error(`No handler for ${m.channel} on the worker thread`);
  // An export's entry names the computer that asked for it, as the entries the main thread writes do.
  return withComputer(m.computer, () => handler(m.input, m.actor, call));
}

port.on('message', (m: (CallsJob & { id: number }) | { id: number; abort: true }) => {
  if ('abort' in m) {
    aborts.get(m.id)?.abort();
    return;
  }
  job = m;
  const controller = new AbortController();
  aborts.set(m.id, controller);
  void (async () => {
    try {
      port.postMessage({ id: m.id, ok: true, value: await run(m, controller.signal) });
    } catch (e) {
      port.postMessage({ id: m.id, ok: false, failure: failureOf(e) });
    } finally {
      aborts.delete(m.id);
    }
  })();
});
