import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { AppError, errorKinds, type AppErrorShape, type Result } from '../../../shared/errors';
import { appVersion, versionHeader, versionRefusal } from '../../../shared/version';
import { isUnreachable, noConnection } from '../../../shared/connection';
import { busyCalls } from './busy';
import { connection } from './connection';

async function overHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [versionHeader]: appVersion },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { kind: 'io', message: noConnection } };
  }
  // A page loaded before the server was updated: refused here too, whatever the call answered.
  const refusal = versionRefusal(appVersion, response.headers.get(versionHeader) ?? appVersion);
  if (refusal) return { ok: false, error: { kind: 'conflict', message: refusal } };
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { kind: 'internal', message: `Сервер ответил не по протоколу (HTTP ${response.status})` },
    };
  }
}

function isErrorShape(e: unknown): e is AppErrorShape {
  const shape = e as Partial<AppErrorShape> | null;
  return typeof shape?.message === 'string' && (errorKinds as readonly unknown[]).includes(shape.kind);
}

async function once(channel: string, input: unknown): Promise<unknown> {
  const result = window.api ? await window.api.invoke(channel, input ?? {}) : await overHttp(channel, input);
  if (result.ok) return result.value;
  throw AppError.from(
    isErrorShape(result.error) ? result.error : { kind: 'internal', message: 'Непонятный ответ сервера' },
  );
}

/** Whether the server answers at all (a refusal is an answer): asked while the journal is unreachable. */
async function answers(): Promise<boolean> {
  try {
    await once('auth:me', {});
    return true;
  } catch (error) {
    return !isUnreachable(error);
  }
}

/** A change stream could not reach the server: the same «нет связи» state as a call that could not. */
export const streamUnreachable = (): void => connection.lost(answers);

/**
 * Sends one call of the contract through Electron's preload when present, else over HTTP to the host shell;
 * a call refused only for a busy database is sent again (api/busy.ts). Whether it reached the server is told
 * to the connection state (api/connection.ts).
 */
export async function invokeChannel(channel: string, input: unknown): Promise<unknown> {
  try {
    const value = await busyCalls.retry(() => once(channel, input));
    connection.reached();
    return value;
  } catch (error) {
    if (isUnreachable(error)) connection.lost(answers);
    else connection.reached();
    throw error;
  }
}

/** A typed call: `invoke(contract.journal.grid, { assignmentId, periodId })`. A failed Result is thrown as AppError. */
export function invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  return invokeChannel(channel.channel, input) as Promise<OutputOf<C>>;
}
