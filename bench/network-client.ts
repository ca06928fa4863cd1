// One computer of the network bench: its own TLS connections from its own source address (a lab's NAT address
// is shared by its computers), the certificate pinned as the desktop client pins it, the session in a cookie.
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { appVersion, versionHeader } from '../src/shared/version';

export interface Answered {
  ms: number;
  ok: boolean;
  value?: unknown;
  /** Why a call failed: the Result's message, the HTTP status or the connection's error. */
  error?: string;
}

export class NetClient {
  private cookie = '';
  private readonly agent: https.Agent;

  constructor(
    private readonly port: number,
    certPem: string,
    readonly source: string,
  ) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 2,
      localAddress: source,
      ca: certPem,
      // The pin replaces the name check, as in the desktop client: the certificate is this server's own.
      checkServerIdentity: () => undefined,
    });
  }

  async call(channel: string, input: unknown): Promise<Answered> {
    const started = performance.now();
    const answer = await this.send(channel, JSON.stringify(input));
    // A kept-alive connection the server closed just as it was reused: sent again, as a browser does.
    const again = answer === 'reset' ? await this.send(channel, JSON.stringify(input)) : answer;
    return { ms: performance.now() - started, ...(again === 'reset' ? { ok: false, error: 'ECONNRESET' } : again) };
  }

  private send(channel: string, body: string): Promise<Omit<Answered, 'ms'> | 'reset'> {
    return new Promise((resolve) => {
      const done = resolve;
      const req = https.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: `/api/${channel}`,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            [versionHeader]: appVersion,
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => done({ ok: false, error: e.message }));
          res.on('end', () => {
            const session = res.headers['set-cookie']?.find((c) => c.startsWith('zhurnal_session='));
            if (session) this.cookie = session.split(';')[0]!;
            if (res.statusCode !== 200) return done({ ok: false, error: `HTTP ${res.statusCode}` });
            const result = JSON.parse(Buffer.concat(chunks).toString()) as
              { ok: true; value: unknown } | { ok: false; error: { message: string } };
            done(result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error.message });
          });
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) =>
        done(req.reusedSocket && e.code === 'ECONNRESET' ? 'reset' : { ok: false, error: e.message }),
      );
      req.end(body);
    });
  }

  /**
   * The session's change stream (`GET /api/events`), as a browser's EventSource reads it: `onEvent` gets each
   * event's name and data. Resolves once the server said `ready`; the returned function closes it.
   */
  listen(onEvent: (event: string, data: string) => void): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const req = https.get(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/api/events',
          agent: this.agent,
          headers: { accept: 'text/event-stream', [versionHeader]: appVersion, cookie: this.cookie },
        },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`events from ${this.source}: HTTP ${res.statusCode}`));
          let buffered = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffered += chunk;
            let end: number;
            while ((end = buffered.indexOf('\n\n')) >= 0) {
              const block = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              const field = (name: string) =>
                block
                  .split('\n')
                  .filter((l) => l.startsWith(`${name}:`))
                  .map((l) => l.slice(name.length + 1).trimStart())
                  .join('\n');
              const event = field('event');
              if (event === 'ready') resolve(() => req.destroy());
              else if (event) onEvent(event, field('data'));
            }
          });
        },
      );
      req.on('error', (e) => reject(e));
    });
  }

  async logIn(login: string): Promise<void> {
    const answer = await this.call('auth:login', { login, password: 'demo' });
    if (!answer.ok) throw new Error(`${login} from ${this.source}: ${answer.error}`);
  }

  close(): void {
    this.agent.destroy();
  }
}
