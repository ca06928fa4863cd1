import type { CallContext, Dispatch } from '../../core/api/dispatch';
import type { Core } from '../../core/app';
import type { DesktopFiles } from '../../core/print/service';
import type { Result } from '../../shared/errors';
import { desktopChannels, type DesktopMode, type FoundSchool } from '../../shared/desktop';
import { resolveTyped } from '../../host/discovery/typed';
import { localChangeSource } from '../live/local';
import type { ChangeSource } from '../live/relay';
import { remoteChangeSource } from './remote-changes';
import { openServerFile } from './remote-files';
import { pairWithServer, type PairedServer } from './pairing';
import { savedServerStore } from './saved-server';
import { remoteTransport, type RemoteTransport } from './transport';

export interface DesktopModesDeps {
  userData: string;
  /** Whether this computer already has its own journal file. */
  hasLocalJournal(): boolean;
  /** Opens this computer's journal; throws what the failure dialog explains. */
  openLocal(): Core;
  /** Wires what a local journal needs (backups, the school server); returns the dispatch the window calls. */
  onLocal(core: Core): Dispatch;
  /** The school servers on the network (DNS-SD); [] where discovery is unavailable. */
  findSchools(): Promise<FoundSchool[]>;
  /** The Russian reason a local journal could not be opened. */
  describeFailure(error: unknown): string;
  /** A client's printed books: this computer's viewer and printer, and the folder they are saved in. */
  localFiles: { files: DesktopFiles; dir(): string };
}

type State =
  | { kind: 'choose' }
  | { kind: 'local'; dispatch: Dispatch; changes: ChangeSource }
  | { kind: 'client'; transport: RemoteTransport; server: PairedServer; saved: boolean; changes: ChangeSource };

const refuse = (kind: 'validation' | 'forbidden' | 'conflict' | 'io', message: string): Result<never> => ({
  ok: false,
  error: { kind, message },
});

const notChosen = refuse('conflict', 'Выберите, какой журнал открыть: этого компьютера или школьного сервера.');

/** What the first start does: a computer paired with a server stays its client; one with a journal opens it. */
export function startupChoice(saved: boolean, hasLocalJournal: boolean): DesktopMode['mode'] {
  if (saved) return 'client';
  return hasLocalJournal ? 'local' : 'choose';
}

const text = (input: unknown, key: string): string | null => {
  const value = (input as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && value.length <= 256 ? value : null;
};

/**
 * Which journal the desktop app is serving its window from: this computer's own (the core), a school server's
 * (every call forwarded over pinned HTTPS), or none yet on a first start. The window calls one dispatch either
 * way; the `desktop:*` calls switch between them.
 */
export function createDesktopModes(deps: DesktopModesDeps) {
  const store = savedServerStore(deps.userData);
  let state: State = { kind: 'choose' };

  const useServer = (server: PairedServer, saved: boolean) => {
    if (state.kind === 'client') state.transport.close();
    const transport = remoteTransport(server);
    state = { kind: 'client', transport, server, saved, changes: remoteChangeSource(transport) };
  };

  const info = (): DesktopMode => ({
    mode: state.kind,
    server:
      state.kind === 'client'
        ? {
            address: `${state.server.host}:${state.server.port}`,
            schoolName: state.server.schoolName,
            fingerprint: state.server.fingerprint,
            saved: state.saved,
          }
        : null,
  });

  const openLocal = (): void => {
    const core = deps.openLocal();
    state = { kind: 'local', dispatch: deps.onLocal(core), changes: localChangeSource(core.live) };
  };

  async function connect(input: unknown): Promise<Result<DesktopMode>> {
    if (state.kind === 'local') return refuse('conflict', 'На этом компьютере уже открыт его собственный журнал.');
    const address = resolveTyped(text(input, 'address') ?? '');
    if (!address) return refuse('validation', 'Адрес сервера: например, 192.168.1.10 или uchitelskaya:8080');
    const paired = await pairWithServer(address, text(input, 'code') ?? '');
    if (!paired.ok) return paired;
    useServer(store.write(paired.value), true);
    return { ok: true, value: info() };
  }

  /** Another server only with the word of the current one's administrator: a pupil cannot point a teacher's computer elsewhere. */
  async function switchServer(input: unknown): Promise<Result<DesktopMode>> {
    if (state.kind !== 'client') return refuse('conflict', 'Этот компьютер не подключён к школьному серверу.');
    const call: CallContext = {
      sessionToken: null,
      client: 'desktop',
      setSession(token) {
        call.sessionToken = token;
      },
    };
    const login = await state.transport.dispatch(
      'auth:login',
      { login: text(input, 'login') ?? '', password: text(input, 'password') ?? '' },
      call,
    );
    if (!login.ok) return login;
    await state.transport.dispatch('auth:logout', {}, call);
    if (!(login.value as { roles: string[] }).roles.includes('admin'))
      return refuse('forbidden', 'Сменить сервер может только администратор ЭЖ: войдите его логином и паролем.');
    state.transport.close();
    store.forget();
    state = { kind: 'choose' };
    return { ok: true, value: info() };
  }

  async function desktopCall(channel: string, input: unknown): Promise<Result<unknown>> {
    switch (channel) {
      case desktopChannels.mode:
        return { ok: true, value: info() };
      case desktopChannels.openLocal:
        if (state.kind === 'client') return refuse('conflict', 'Этот компьютер подключён к школьному серверу.');
        try {
          if (state.kind === 'choose') openLocal();
        } catch (error) {
          return refuse('io', deps.describeFailure(error));
        }
        return { ok: true, value: info() };
      case desktopChannels.findSchools:
        return { ok: true, value: { schools: await deps.findSchools().catch(() => []) } };
      case desktopChannels.connect:
        return connect(input);
      case desktopChannels.switchServer:
        return switchServer(input);
      default:
        return refuse('validation', `Неизвестный вызов: ${channel}`);
    }
  }

  return {
    /** At start: opens what this computer used last; a local journal that fails to open throws (the caller explains). */
    start(): DesktopMode {
      const saved = store.read();
      const choice = startupChoice(saved !== null, deps.hasLocalJournal());
      if (choice === 'client' && saved) useServer(saved, true);
      if (choice === 'local') openLocal();
      return info();
    },
    /** For the program holding this computer's file: its server, this once (nothing saved). */
    useServerOnce: (server: PairedServer) => useServer(server, false),
    info,
    /** Where the window's live changes come from: the server's stream, or this computer's core when it serves. */
    changes: (): ChangeSource | null => (state.kind === 'choose' ? null : state.changes),
    dispatch: ((channel, input, call) => {
      if (channel.startsWith('desktop:')) return desktopCall(channel, input);
      if (state.kind === 'local') return state.dispatch(channel, input, call);
      if (state.kind === 'client')
        return channel === 'print:open'
          ? openServerFile(state.transport, input, call, deps.localFiles)
          : state.transport.dispatch(channel, input, call);
      return Promise.resolve(notChosen);
    }) as Dispatch,
    close(): void {
      if (state.kind === 'client') state.transport.close();
    },
  };
}

export type DesktopModes = ReturnType<typeof createDesktopModes>;
