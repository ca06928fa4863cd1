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

  call(channel: string, input: unknown): Promise<Answered> {
    const started = performance.now();
    const body = JSON.stringify(input);
    return new Promise((resolve) => {
      const done = (a: Omit<Answered, 'ms'>) => resolve({ ms: performance.now() - started, ...a });
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
      req.on('error', (e) => done({ ok: false, error: e.message }));
      req.end(body);
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
