/** Reading a copy of a response body in the page, bounded, without touching what the page reads. */
import { MAX_HOOK_TEXT } from './request-body.js';

/** Response text read by the hook, and whether it stopped before the end. */
export interface ReadText {
  text: string;
  truncated: boolean;
}

/**
 * Whether a body of this Content-Type is worth reading: JSON, JWT, forms, text, XML, scripts, or no type at all.
 * Not event streams (they may never end) and not binary types.
 */
export function isReadableType(contentType: string | null | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.toLowerCase();
  if (type.includes('text/event-stream')) return false;
  return /json|jwt|jose|x-www-form-urlencoded|^text\/|xml|javascript/.test(type);
}

/**
 * Reads a response or request body (give it a clone: the stream is consumed) as UTF-8, like `Response.text()`, but stops and
 * cancels after `limit` bytes (`truncated`). Rejects when the stream errors. Does not look at the charset.
 */
export async function readLimited(
  message: { readonly body: ReadableStream<Uint8Array> | null },
  limit = MAX_HOOK_TEXT,
): Promise<ReadText> {
  const stream = message.body;
  if (!stream) return { text: '', truncated: false };
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    const room = limit - size;
    if (value.length >= room) {
      text += decoder.decode(value.subarray(0, room), { stream: true });
      const truncated = value.length > room;
      if (truncated) {
        reader.cancel().catch(() => undefined);
        return { text, truncated };
      }
      size = limit;
      continue;
    }
    text += decoder.decode(value, { stream: true });
    size += value.length;
  }
}
