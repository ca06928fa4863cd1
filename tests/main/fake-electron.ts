/**
 * A small stand-in for the `electron` module (no Electron binary can be installed here). Tests mock
 * `electron` with it: `vi.mock('electron', () => import('./fake-electron'))`. Its state sits on globalThis so
 * a module re-imported after vi.resetModules() still talks to the same fake.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: [string, unknown][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  minimized = false;
  focused = false;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    state().windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  restore = () => {
    this.minimized = false;
  };
  show = () => {
    this.shown = true;
  };
  focus = () => {
    this.focused = true;
  };
}

interface FakeState {
  windows: BrowserWindow[];
  handlers: Map<string, Listener>;
  errorBoxes: { title: string; content: string }[];
  /** Message boxes shown, and the index of the button the fake person presses (cancelId when null). */
  messageBoxes: { title?: string; message: string; detail?: string; buttons?: string[] }[];
  messageBoxAnswer: number | null;
  quits: number;
  paths: Record<string, string>;
  appPath: string;
  isPackaged: boolean;
  singleInstanceLock: boolean;
  appEvents: EventEmitter;
  /** Chromium switches the app set on its command line. */
  switches: Map<string, string>;
  exposed: { key: string; api: unknown }[];
  rendererInvokes: { channel: string; args: unknown[] }[];
  rendererEvents: EventEmitter;
  /** What the renderer sent main one way (ipcRenderer.send), heard by ipcMain.on. */
  mainEvents: EventEmitter;
  /** The page URL the fake ipcRenderer claims to call from. */
  rendererUrl: string;
  headersListener: { filter: unknown; listener: Listener } | null;
  requestListener: { filter: unknown; listener: Listener } | null;
  devicePermission: Listener | null;
  sandboxEnabled: boolean;
  permissionRequest: Listener | null;
  permissionCheck: Listener | null;
  menu: unknown;
  /** Files given to shell.openPath, and what it answers ('' is success, as in Electron). */
  openedPaths: string[];
  openPathResult: string;
  powerEvents: EventEmitter;
  trays: Tray[];
  /** protocol.registerSchemesAsPrivileged's schemes, and the handlers protocol.handle was given, by scheme. */
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
}

function freshState(): FakeState {
  return {
    windows: [],
    handlers: new Map(),
    errorBoxes: [],
    messageBoxes: [],
    messageBoxAnswer: null,
    quits: 0,
    paths: {},
    appPath: process.cwd(),
    isPackaged: false,
    singleInstanceLock: true,
    appEvents: new EventEmitter(),
    switches: new Map(),
    exposed: [],
    rendererInvokes: [],
    rendererEvents: new EventEmitter(),
    mainEvents: new EventEmitter(),
    rendererUrl: 'about:blank',
    headersListener: null,
    requestListener: null,
    devicePermission: null,
    sandboxEnabled: false,
    permissionRequest: null,
    permissionCheck: null,
    menu: undefined,
    openedPaths: [],
    openPathResult: '',
    powerEvents: new EventEmitter(),
    trays: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
  };
}

const holder = globalThis as { __fakeElectron?: FakeState };
export function state(): FakeState {
  holder.__fakeElectron ??= freshState();
  return holder.__fakeElectron;
}
export function resetFake(): void {
  holder.__fakeElectron = freshState();
}

export const app = {
  commandLine: {
    appendSwitch: (name: string, value?: string) => {
      state().switches.set(name, value ?? '');
    },
  },
  whenReady: () => Promise.resolve(),
  getPath: (name: string) => {
    const p = state().paths[name];
    if (!p) throw new Error(`fake app.getPath: no path for ${name}`);
    return p;
  },
  setPath: (name: string, value: string) => {
    state().paths[name] = value;
  },
  getAppPath: () => state().appPath,
  getVersion: () => '0.1.0-test',
  get isPackaged() {
    return state().isPackaged;
  },
  requestSingleInstanceLock: () => state().singleInstanceLock,
  enableSandbox: () => {
    state().sandboxEnabled = true;
  },
  quit: () => {
    state().quits++;
  },
  on: (event: string, listener: Listener) => {
    state().appEvents.on(event, listener as (...args: unknown[]) => void);
    return app;
  },
  once: (event: string, listener: Listener) => {
    state().appEvents.once(event, listener as (...args: unknown[]) => void);
    return app;
  },
};

export const ipcMain = {
  handle: (channel: string, handler: Listener) => {
    if (state().handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state().handlers.set(channel, handler);
  },
  removeHandler: (channel: string) => {
    state().handlers.delete(channel);
  },
  on: (channel: string, listener: Listener) => {
    state().mainEvents.on(channel, listener as (...args: unknown[]) => void);
    return ipcMain;
  },
  removeListener: (channel: string, listener: Listener) => {
    state().mainEvents.removeListener(channel, listener as (...args: unknown[]) => void);
    return ipcMain;
  },
};

type MessageBox = { title?: string; message: string; detail?: string; buttons?: string[]; cancelId?: number };
export const dialog = {
  showErrorBox: (title: string, content: string) => {
    state().errorBoxes.push({ title, content });
  },
  showMessageBoxSync: (options: MessageBox) => {
    const { cancelId, ...shown } = options;
    state().messageBoxes.push(shown);
    return state().messageBoxAnswer ?? cancelId ?? 0;
  },
  showMessageBox: (options: MessageBox) => {
    const { cancelId, ...shown } = options;
    state().messageBoxes.push(shown);
    return Promise.resolve({ response: state().messageBoxAnswer ?? cancelId ?? 0, checkboxChecked: false });
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (filter: unknown, listener: Listener) => {
        state().headersListener = { filter, listener };
      },
      onBeforeRequest: (filter: unknown, listener: Listener) => {
        state().requestListener = { filter, listener };
      },
    },
    setPermissionRequestHandler: (handler: Listener) => {
      state().permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler: Listener) => {
      state().permissionCheck = handler;
    },
    setDevicePermissionHandler: (handler: Listener) => {
      state().devicePermission = handler;
    },
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: FakeState['privilegedSchemes']) => {
    state().privilegedSchemes.push(...schemes);
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    state().protocolHandlers.set(scheme, handler);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => {
    state().menu = menu;
  },
};

export const shell = {
  openExternal: () => {
    throw new Error('the app must not open external links');
  },
  openPath: (file: string) => {
    state().openedPaths.push(file);
    return Promise.resolve(state().openPathResult);
  },
};

/** The OS's power and lock events: tests emit 'lock-screen' or 'suspend' on state().powerEvents. */
export const powerMonitor = {
  on: (event: string, listener: Listener) => {
    state().powerEvents.on(event, listener as (...args: unknown[]) => void);
    return powerMonitor;
  },
  removeListener: (event: string, listener: Listener) => {
    state().powerEvents.removeListener(event, listener as (...args: unknown[]) => void);
    return powerMonitor;
  },
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => {
    state().exposed.push({ key, api });
  },
};

/** The fake renderer's IPC: invoke goes to the handler main registered, as from the first window's top frame. */
export const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => {
    const s = state();
    s.rendererInvokes.push({ channel, args });
    const handler = s.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const sender = s.windows[0]?.webContents ?? new FakeWebContents();
    const event = { sender, senderFrame: { url: s.rendererUrl, parent: null } };
    return (handler as (...a: unknown[]) => unknown)(event, ...args);
  },
  /** One way to main, as from the first window's top frame. */
  send: (channel: string, ...args: unknown[]) => {
    const s = state();
    const sender = s.windows[0]?.webContents ?? new FakeWebContents();
    s.mainEvents.emit(channel, { sender, senderFrame: { url: s.rendererUrl, parent: null } }, ...args);
  },
  on: (channel: string, listener: Listener) => {
    state().rendererEvents.on(channel, listener as (...args: unknown[]) => void);
    return ipcRenderer;
  },
  removeListener: (channel: string, listener: Listener) => {
    state().rendererEvents.removeListener(channel, listener as (...args: unknown[]) => void);
    return ipcRenderer;
  },
};

export const nativeImage = {
  createFromPath: (file: string) => ({ file }),
};

export class Tray extends EventEmitter {
  tooltip = '';
  menu: { template: { label?: string; click?: () => void }[] } | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    state().trays.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: { label?: string; click?: () => void }[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}
