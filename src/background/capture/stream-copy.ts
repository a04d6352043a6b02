/** Passing a Firefox response stream through unchanged while keeping a copy of its first bytes. */
import { concatBytes } from './bytes.js';

/** The members of Firefox's `webRequest.StreamFilter` this module uses. */
export interface StreamFilterLike {
  ondata: ((event: { data: ArrayBuffer }) => void) | null;
  onstop: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  write(data: ArrayBuffer | Uint8Array): void;
  close(): void;
  disconnect(): void;
  readonly error?: string;
}

/** What was copied of a response: its first bytes, whether there were more, and the filter's error if it failed. */
export interface CopiedStream {
  bytes: Uint8Array;
  truncated: boolean;
  error?: string;
}

/**
 * Takes over the filter's events: every chunk is written through unchanged and copied until `limit` bytes (then
 * `truncated`); on stop the filter is closed, on an error (or a write that throws) it is disconnected, so the page
 * never waits on it. `done` is called once, after the filter was closed or disconnected. Never throws.
 * Does not change, delay or reorder the bytes.
 */
export function copyStreamFilter(filter: StreamFilterLike, limit: number, done: (copy: CopiedStream) => void): void {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  let finished = false;
  const finish = (error?: string): void => {
    if (finished) return;
    finished = true;
    const copy: CopiedStream = { bytes: concatBytes(chunks), truncated };
    if (error !== undefined) copy.error = error;
    try {
      done(copy);
    } catch {
      // The copy is a by-product: a failure to record it must not touch the stream.
    }
  };
  const release = (how: 'close' | 'disconnect'): void => {
    try {
      filter[how]();
    } catch {
      // Already closed or disconnected.
    }
  };
  filter.ondata = (event) => {
    const data = event.data;
    const room = limit - size;
    if (room > 0) {
      const chunk = new Uint8Array(data.slice(0, room));
      chunks.push(chunk);
      size += chunk.length;
    }
    if (data.byteLength > room) truncated = true;
    try {
      filter.write(data);
    } catch (err) {
      release('disconnect');
      finish(`writing the response through failed: ${String(err).slice(0, 200)}`);
    }
  };
  filter.onstop = () => {
    release('close');
    finish();
  };
  filter.onerror = () => {
    let error = 'stream filter error';
    try {
      if (filter.error) error = filter.error;
    } catch {
      // Reading `error` of a dead filter may throw.
    }
    release('disconnect');
    finish(error);
  };
}
