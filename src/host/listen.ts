import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isLoopback } from './guard';

type Listener = http.RequestListener;

/** The first byte of a TLS connection: a handshake record. Plain HTTP starts with a method's letter. */
const tlsHandshake = 0x16;

/**
 * A page for a browser that typed http:// from another computer: where to go instead. Nothing of the journal
 * is served in clear off this computer — no API, no renderer, no cookie — so a password never crosses the
 * school's network readable.
 */
function plainRefusal(port: () => number): Listener {
  return (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const target = /^[\w.:[\]-]+$/.test(host) ? `https://${host}:${port()}/` : null;
    const link = target ? `<a href="${target}">${target}</a>` : 'адрес, начинающийся с https://';
    res.writeHead(403, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
    });
    res.end(
      `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Журнал</title><p>Журнал в школьной сети открывается только по защищённому адресу: ${link}</p></html>`,
    );
  };
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

function listenOn(server: net.Server, port: number, hostname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function closeAll(outer: net.Server, inner: http.Server[]): Promise<void> {
  return new Promise((resolve) => {
    outer.close(() => resolve());
    for (const s of inner) s.closeIdleConnections();
  });
}

/**
 * How long an idle kept-alive connection stays open. Node's 5 s closed a teacher's connection between two
 * saves, so the next save paid a new TLS handshake — and after any pause every screen reconnected at once,
 * queueing dozens of handshakes behind the calls. Below the headers timeout (60 s), as Node advises.
 */
const keepAliveMs = 55_000;

function keptAlive<S extends http.Server>(server: S): S {
  server.keepAliveTimeout = keepAliveMs;
  return server;
}

/** Plain HTTP, for an address on this computer only (127.0.0.1): the desktop window, the tests, local tools. */
export async function listenPlain(listener: Listener, port: number, hostname: string): Promise<Listening> {
  const server = keptAlive(http.createServer(listener));
  const bound = await listenOn(server, port, hostname);
  return { port: bound, close: () => closeAll(server, [server]) };
}

/**
 * HTTPS for the school's network and plain HTTP for this computer, on one port: each connection is sent by
 * its first byte to the TLS server or to the plain one, and the plain one answers loopback addresses only.
 * One port means one address to type, one firewall rule, and http://127.0.0.1:PORT still works locally.
 */
export async function listenSchool(
  listener: Listener,
  tls: { keyPem: string; certPem: string },
  port: number,
  hostname: string,
): Promise<Listening> {
  const secure = keptAlive(https.createServer({ key: tls.keyPem, cert: tls.certPem, minVersion: 'TLSv1.2' }, listener));
  let boundPort = port;
  const refuse = plainRefusal(() => boundPort);
  const plain = keptAlive(
    http.createServer((req, res) =>
      isLoopback(req.socket.remoteAddress ?? '') ? listener(req, res) : refuse(req, res),
    ),
  );
  const outer = net.createServer((socket) => {
    // A connection that never says anything is dropped instead of held.
    socket.setTimeout(30_000, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      (first[0] === tlsHandshake ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  boundPort = await listenOn(outer, port, hostname);
  return { port: boundPort, close: () => closeAll(outer, [secure, plain]) };
}
