/**
 * Pieces of shared memory named across a thread boundary: the sending side tells a thread each
 * SharedArrayBuffer once, under a number, and then names a piece of it by that number, an offset and a length;
 * the thread views the same bytes, nothing is copied. A backup's blocks live in the snapshot's shared slots and
 * each drive's read-back buffer, and the threads that write, read back and compare them work there directly.
 */
export interface Piece {
  memory: number;
  offset: number;
  length: number;
}

export interface ShareMessage {
  type: 'share';
  memory: number;
  buffer: SharedArrayBuffer;
}

/** The sending side: a piece of `bytes`, or null where they are not in shared memory (then they are copied). */
export function pieceNamer(tell: (share: ShareMessage) => void) {
  const numbers = new WeakMap<SharedArrayBuffer, number>();
  let next = 0;
  return (bytes: Uint8Array): Piece | null => {
    const buffer = bytes.buffer;
    if (!(buffer instanceof SharedArrayBuffer)) return null;
    let memory = numbers.get(buffer);
    if (memory === undefined) {
      numbers.set(buffer, (memory = next++));
      tell({ type: 'share', memory, buffer });
    }
    return { memory, offset: bytes.byteOffset, length: bytes.byteLength };
  };
}

/** The receiving thread's side: the memories it was told of, and a Buffer over a piece of one. */
export function pieceViews() {
  const memories = new Map<number, SharedArrayBuffer>();
  return {
    share: (m: ShareMessage) => void memories.set(m.memory, m.buffer),
    view: (p: Piece) => Buffer.from(memories.get(p.memory)!, p.offset, p.length),
  };
}
