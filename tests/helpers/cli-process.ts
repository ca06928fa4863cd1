import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';

/** The CLI from its sources in a process of its own, as `zhurnal` runs; ZHURNAL_LANG=ru so messages can be matched. */
export function spawnCli(args: string[], options: { uid?: number } = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ZHURNAL_LANG: 'ru' },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return child;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command to its end. */
export function runCli(args: string[], options: { uid?: number } = {}): Promise<Finished> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export type Served = { ok: true; url: string; child: ChildProcess; stop(): Promise<void> } | ({ ok: false } & Finished);

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * `zhurnal serve --db FILE --port 0` (or the given port: a server started again where its clients look for it):
 * resolves when it prints its address (the server is listening), or when it exits first (refused), with what it wrote.
 */
export function startServe(
  dbFile: string,
  options: { uid?: number; args?: string[]; port?: number } = {},
): Promise<Served> {
  const child = spawnCli(
    ['serve', '--db', dbFile, '--port', String(options.port ?? 0), ...(options.args ?? [])],
    options,
  );
  running.add(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return new Promise((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /по адресу (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) {
        resolve({
          ok: true,
          url,
          child,
          stop: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    void exited.then((finished) => resolve({ ok: false, ...finished }));
  });
}

/** The contract over HTTP as a browser calls it, keeping the session cookie. */
export function httpCaller(url: string) {
  let cookie = '';
  return async (channel: string, input: unknown = {}) => {
    const response = await fetch(new URL(`api/${channel}`, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return (await response.json()) as
      { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string } };
  };
}
