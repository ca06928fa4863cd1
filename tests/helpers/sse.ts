// A change stream read over real HTTP, as a browser's EventSource would: `GET /api/events` with the session's
// cookie, parsed into messages a test waits for one by one.

export interface SseMessage {
  event: string;
  data: string;
}

export interface SseReader {
  status: number;
  /** The next message (a heartbeat comment is `{event: 'comment'}`); null once the server ended the stream. */
  next(): Promise<SseMessage | null>;
  /** Reads until a message `accept`s; null if the stream ended first. */
  until(accept: (m: SseMessage) => boolean): Promise<SseMessage | null>;
  close(): void;
}

export async function openEvents(baseUrl: string, cookie: string | null): Promise<SseReader> {
  const abort = new AbortController();
  const response = await fetch(new URL('api/events', baseUrl), {
    headers: cookie ? { cookie, accept: 'text/event-stream' } : { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const parse = (block: string): SseMessage => {
    if (block.startsWith(':')) return { event: 'comment', data: block.slice(1).trim() };
    const message: SseMessage = { event: 'message', data: '' };
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) message.data += line.slice(6);
    }
    return message;
  };
  const next = async (): Promise<SseMessage | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(block);
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        return null;
      }
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return {
    status: response.status,
    next,
    async until(accept) {
      for (let m = await next(); m; m = await next()) if (accept(m)) return m;
      return null;
    },
    close: () => abort.abort(),
  };
}
