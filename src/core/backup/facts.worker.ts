// A worker thread's entry (see core/workers): checks one database and answers with what it found.
import { workerData } from 'node:worker_threads';
import { answer } from '../workers/answer';
import { readFacts, type FactsJob } from './facts';

void answer(() => readFacts(workerData as FactsJob));
