/**
 * The wire between the preload and main, imported by both. It must stay free of imports: the sandboxed
 * preload can `require` only `electron`, so anything it pulls in is bundled into it, and the contract
 * (zod) is externalized as a dependency by electron-vite — which is why the preload never imports it.
 */

/** The one IPC channel every contract call travels on, as `{channel, input}`. */
export const invokeChannel = 'zhurnal:invoke';
/** Main → renderer progress of a long task (backup, printing). The only event the renderer may hear. */
export const progressChannel = 'zhurnal:progress';
/** Main → renderer: the OS locked the screen, so the journal locks its session too (main/screen-lock.ts). */
export const screenLockChannel = 'zhurnal:screen-lock';
/** Main → renderer: what other computers changed (a LiveMessage), relayed from the server's or the core's stream. */
export const changesChannel = 'zhurnal:changes';
/**
 * Renderer → main, true or false: the page starts or stops listening for changes. Main then opens or closes the
 * session's stream, as a browser's EventSource would; it carries nothing else.
 */
export const watchChangesChannel = 'zhurnal:changes-watch';

/**
 * Main passes the contract's channel names to the preload on its command line
 * (webPreferences.additionalArguments, visible to a sandboxed preload as process.argv).
 */
const channelsSwitch = '--zhurnal-channels=';

export function channelsArgument(names: readonly string[]): string {
  for (const name of names) {
    // A comma or space would split or break the argument; contract names are `domain:verb`.
    if (!/^[\w.-]+:[\w.-]+$/.test(name)) throw new Error(`Bad channel name for the preload: ${name}`);
  }
  return channelsSwitch + names.join(',');
}

/** No switch means no allowed channels: a window main did not set up can call nothing. */
export function channelsFromArgv(argv: readonly string[]): ReadonlySet<string> {
  const arg = argv.find((a) => a.startsWith(channelsSwitch));
  const list = arg ? arg.slice(channelsSwitch.length) : '';
  return new Set(list.split(',').filter((name) => name.length > 0));
}

export interface InvokeRequest {
  channel: string;
  input: unknown;
}

/** How far a long task has got; `total` is null while it is not known yet. */
export interface ProgressEvent {
  task: string;
  done: number;
  total: number | null;
  message?: string;
}
