// Every channel of the contract gets generated hostile payloads through the real dispatcher,
// as an account holding every role (so no payload stops at the permission check): each must be answered
// with `validation`, nothing may crash, and afterwards the database passes its integrity check with every
// table's contents unchanged. FUZZ_RUNS sets the payloads per channel (`npm run fuzz` runs the full 1,000, npm test 100).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allChannels } from '../../../src/shared/contract';
import { buildAccessSchool, sessionCaller } from '../../helpers/access-school';
import { testCore } from '../../helpers/core';
import { hostilePayload, surelyRefused } from '../../helpers/hostile';
import { integrity, tableHashes } from '../../helpers/table-hash';

const runs = Number(process.env['FUZZ_RUNS'] ?? 100);
const core = testCore();
let invoke: ReturnType<typeof sessionCaller>;
let before: Record<string, string>;
const totals = { payloads: 0, channels: 0, validation: 0, crashes: 0, unexpected: 0, ms: 0 };
const surprises: string[] = [];

beforeAll(async () => {
  buildAccessSchool(core);
  invoke = sessionCaller(core, 'root');
  await invoke('auth:me');
  before = tableHashes(core.db.$client);
});

describe(`fuzz: ${runs} hostile payloads per channel through the dispatcher`, () => {
  it.each(allChannels.map((c) => [c.channel, c] as const))('%s', async (name, channel) => {
    const started = performance.now();
    const payloads = fc.sample(hostilePayload(channel.input), { numRuns: runs, seed: 7 });
    for (const payload of payloads) {
      expect(surelyRefused(channel.input, payload), `the generator made a valid payload for ${name}`).toBe(true);
      let kind: string;
      try {
        const result = await invoke(name, payload);
        kind = result.ok ? 'ok' : result.error.kind;
      } catch (e) {
        kind = 'crash';
        surprises.push(`${name}: threw ${String(e)}`);
      }
      totals.payloads++;
      if (kind === 'validation') totals.validation++;
      else if (kind === 'crash' || kind === 'internal') totals.crashes++;
      else {
        totals.unexpected++;
        surprises.push(`${name}: ${kind} for ${JSON.stringify(payload).slice(0, 200)}`);
      }
    }
    totals.channels++;
    totals.ms += performance.now() - started;
    expect(surprises.filter((s) => s.startsWith(`${name}:`))).toEqual([]);
  });

  it('leaves the database whole and every table as it was', () => {
    expect(integrity(core.db.$client)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(tableHashes(core.db.$client)).toEqual(before);
    console.log(`fuzz totals: ${JSON.stringify({ ...totals, ms: Math.round(totals.ms) })}`);
    expect(totals).toMatchObject({ channels: allChannels.length, crashes: 0, unexpected: 0 });
  });
});
