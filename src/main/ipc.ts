import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { CallContext, Dispatch } from '../core/api/dispatch';
import type { Result } from '../shared/errors';
import { changesChannel, invokeChannel, watchChangesChannel } from '../preload/protocol';
import { createChangeRelay, type ChangeSource, type RelayTiming } from './live/relay';

export interface IpcOptions {
  dispatch: Dispatch;
  /** The app's own renderer URL test (see app-url.ts). */
  isOwnUrl(url: string): boolean;
  /** Where the window's live changes come from now (the server's stream, this computer's core, or none yet). */
  changes?(): ChangeSource | null;
  /** The relay's pauses between reconnections; tests shorten them. */
  changeTiming?: Partial<RelayTiming>;
}

const foreignSender: Result<never> = {
  ok: false,
  error: { kind: 'forbidden', message: 'Вызов отклонён: запрос пришёл не из окна Журнала' },
};

const badRequest: Result<never> = {
  ok: false,
  error: { kind: 'validation', message: 'Некорректный вызов: ожидается имя канала и данные' },
};

/** Only the top frame of a page loaded from the app itself may call the contract. */
function trustedSender(event: IpcMainInvokeEvent | IpcMainEvent, isOwnUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isOwnUrl(frame.url);
}

function parseRequest(request: unknown): { channel: string; input: unknown } | null {
  if (typeof request !== 'object' || request === null) return null;
  const { channel, input } = request as { channel?: unknown; input?: unknown };
  return typeof channel === 'string' ? { channel, input } : null;
}

/**
 * Registers the one IPC handler. The session token of each window lives here, in main's memory, keyed by
 * its webContents: the page never sees it, so script in the page cannot copy it anywhere.
 * Returns the function that unregisters (for tests and a clean quit).
 */
export function registerIpc(options: IpcOptions): () => void {
  const tokens = new Map<number, string>();
  const watched = new Set<number>();
  const relay = createChangeRelay(changesChannel, options.changes ?? (() => null), options.changeTiming);

  const forgetOnDestroy = (event: IpcMainInvokeEvent | IpcMainEvent) => {
    const id = event.sender.id;
    if (watched.has(id)) return;
    watched.add(id);
    event.sender.once('destroyed', () => {
      tokens.delete(id);
      watched.delete(id);
      relay.unwatch(id);
    });
  };

  // The page's live changes: its session's stream, opened by main since the session token never leaves main.
  const onWatch = (event: IpcMainEvent, on: unknown) => {
    if (!trustedSender(event, options.isOwnUrl)) return;
    forgetOnDestroy(event);
    if (on === true) relay.watch(event.sender, tokens.get(event.sender.id) ?? null);
    else relay.unwatch(event.sender.id);
  };
  ipcMain.on(watchChangesChannel, onWatch);

  ipcMain.handle(invokeChannel, (event, request: unknown) => {
    if (!trustedSender(event, options.isOwnUrl)) return foreignSender;
    const parsed = parseRequest(request);
    if (!parsed) return badRequest;
    forgetOnDestroy(event);
    const id = event.sender.id;
    const call: CallContext = {
      sessionToken: tokens.get(id) ?? null,
      client: 'desktop',
      setSession(token) {
        if (token) tokens.set(id, token);
        else tokens.delete(id);
        call.sessionToken = token;
        relay.session(id, token);
      },
    };
    return options.dispatch(parsed.channel, parsed.input, call);
  });

  return () => {
    ipcMain.removeHandler(invokeChannel);
    ipcMain.removeListener(watchChangesChannel, onWatch);
    relay.closeAll();
    tokens.clear();
  };
}
