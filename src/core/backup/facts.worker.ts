// A worker thread's entry (see core/workers): checks one database and answers with what it found.
import { parentPort, workerData } from 'node:worker_threads';
import { failureText } from '../workers/failure';
import { readFacts, type FactsJob, type FactsMessage } from './facts';

let answer: FactsMessage;
try {
  answer = { ok: true, value: readFacts(workerData as FactsJob) };
} catch (e) {
  answer = { ok: false, message: failureText(e) };
}
parentPort!.postMessage(answer);
