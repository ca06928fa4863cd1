import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Result } from '../shared/errors';
import type { ZhurnalApi } from './api';
import type { LiveMessage } from '../shared/live';
import {
  changesChannel,
  invokeChannel,
  progressChannel,
  screenLockChannel,
  watchChangesChannel,
  type InvokeRequest,
  type ProgressEvent,
} from './protocol';

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>;

const refused = (channel: unknown): Result<never> => ({
  ok: false,
  error: { kind: 'not_found', message: `Неизвестный вызов: ${typeof channel === 'string' ? channel : typeof channel}` },
});

// A rejected invoke means main threw outside the dispatcher (or is gone): the renderer still gets a Result.
const lostMain: Result<never> = {
  ok: false,
  error: { kind: 'internal', message: 'Нет связи с основным процессом программы. Перезапустите Журнал.' },
};

/**
 * Builds `window.api`. Unknown channels are refused here, so a compromised page cannot even reach main's
 * handler with a name the contract does not have; main checks again anyway.
 */
export function createApi(ipc: Ipc, allowed: ReadonlySet<string>): ZhurnalApi {
  // Main keeps one stream per page: opened for the first listener, closed after the last.
  let changeListeners = 0;
  return {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !allowed.has(channel)) return Promise.resolve(refused(channel));
      const request: InvokeRequest = { channel, input: input ?? {} };
      return (ipc.invoke(invokeChannel, request) as Promise<Result<unknown>>).catch(() => lostMain);
    },
    onProgress(listener) {
      if (typeof listener !== 'function') throw new TypeError('onProgress ждёт функцию');
      // The IPC event (with its sender) never reaches the page: only the payload does.
      const relay = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
      ipc.on(progressChannel, relay);
      return () => {
        ipc.removeListener(progressChannel, relay);
      };
    },
    onScreenLock(listener) {
      if (typeof listener !== 'function') throw new TypeError('onScreenLock ждёт функцию');
      const relay = () => listener();
      ipc.on(screenLockChannel, relay);
      return () => {
        ipc.removeListener(screenLockChannel, relay);
      };
    },
    onChanges(listener) {
      if (typeof listener !== 'function') throw new TypeError('onChanges ждёт функцию');
      const relay = (_event: IpcRendererEvent, message: LiveMessage) => listener(message);
      ipc.on(changesChannel, relay);
      if (changeListeners++ === 0) ipc.send(watchChangesChannel, true);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(changesChannel, relay);
        if (--changeListeners === 0) ipc.send(watchChangesChannel, false);
      };
    },
  };
}
