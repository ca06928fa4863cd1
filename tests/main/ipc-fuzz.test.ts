// Hostile input over IPC: the dispatcher fuzz's payloads for every channel through main's registered
// handler (as from the app's own window, logged in with every role), plus what only structured clone can
// carry (Date, Map, typed arrays, BigInt, NaN). Each is answered with `validation`; the data stays as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannel } from '../../src/preload/protocol';
import { allChannels } from '../../src/shared/contract';
import { buildAccessSchool } from '../helpers/access-school';
import { testCore } from '../helpers/core';
import { hostilePayload } from '../helpers/hostile';
import { integrity, tableHashes } from '../helpers/table-hash';
import { FakeWebContents, resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpc } = await import('../../src/main/ipc');
const { appLocation } = await import('../../src/main/app-url');

const perChannel = Number(process.env['FUZZ_IPC_RUNS'] ?? 20);
type Handler = (event: unknown, request: unknown) => Promise<{ ok: boolean; error?: { kind: string } }>;

describe(`IPC fuzz: ${perChannel} hostile payloads per channel`, () => {
  const core = testCore();
  const window = new FakeWebContents();
  const event = { sender: window, senderFrame: { url: 'app://zhurnal/index.html', parent: null } };
  let unregister: () => void;
  let before: Record<string, string>;
  const send = (channel: string, input: unknown) =>
    (state().handlers.get(invokeChannel) as Handler)(event, { channel, input });

  beforeAll(async () => {
    resetFake();
    buildAccessSchool(core);
    unregister = registerIpc({ isOwnUrl: appLocation().isOwn, dispatch: core.dispatch });
    expect(await send('auth:login', { login: 'root', password: 'demo' })).toMatchObject({ ok: true });
    before = tableHashes(core.db.$client);
  });
  afterAll(() => unregister());

  it('answers every payload with a validation error', async () => {
    const cloneOnly = [
      new Date(),
      new Map([[1, 2]]),
      new Uint8Array(8),
      10n,
      Number.NaN,
      -Infinity,
      new Set(['5']),
      /x/,
    ];
    const wrong: string[] = [];
    let sent = 0;
    for (const channel of allChannels) {
      const payloads = [...fc.sample(hostilePayload(channel.input), { numRuns: perChannel, seed: 13 }), ...cloneOnly];
      for (const payload of payloads) {
        const result = await send(channel.channel, payload);
        sent++;
        if (result.ok || result.error?.kind !== 'validation')
          wrong.push(`${channel.channel}: ${JSON.stringify(result).slice(0, 120)}`);
      }
    }
    console.log(
      `IPC fuzz: ${sent} calls, ${allChannels.length} channels, ${wrong.length} not answered with validation`,
    );
    expect(wrong).toEqual([]);
  });

  it('leaves the database whole and its data unchanged', () => {
    expect(integrity(core.db.$client)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(tableHashes(core.db.$client)).toEqual(before);
  });
});
