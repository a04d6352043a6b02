/** Reading a HAR `response.content` into a response body, without decoding it. */
import type { Body } from '../model.js';
import { finite, isRecord, nonEmpty, str } from './read.js';
import { base64Size } from './sizes.js';

/**
 * True when `content.size` (the decoded body size in bytes) is more than the text can hold: at most 4 bytes per
 * UTF-16 unit of text, or what the base64 decodes to. Reads lengths only, never the text.
 */
function sizeExceedsText(size: number | undefined, text: string, base64: boolean): boolean {
  if (size === undefined || size <= 0) return false;
  return base64 ? size > base64Size(text) : size > 4 * text.length;
}

/**
 * The response body of a HAR response: `content.text` kept exactly as it is (base64 stays base64, with
 * `encoding: 'base64'`), the MIME type (`x-unknown` dropped), and `truncated` when Chrome's `_error` reports a
 * failure after the response started, when `content.comment` says so, or when `content.size` is more than the
 * text holds. No text: no body, and the note "response body not in the HAR" when a response was received.
 * What is missing or cut short goes to `notes`. Does not decode, copy or scan the body text.
 */
export function readContent(response: Record<string, unknown>, received: boolean, notes: string[]): Body | undefined {
  const content = response.content;
  const text = isRecord(content) ? str(content.text) : undefined;
  if (!isRecord(content) || text === undefined) {
    if (received) notes.push('response body not in the HAR');
    return undefined;
  }
  const body: Body = { text };
  const encoding = nonEmpty(content.encoding);
  if (encoding?.toLowerCase() === 'base64') body.encoding = 'base64';
  else if (encoding) notes.push(`response content.encoding "${encoding.slice(0, 40)}" is not understood; body kept as text`);
  const mimeType = nonEmpty(content.mimeType);
  if (mimeType && mimeType !== 'x-unknown') body.mimeType = mimeType;
  const error = received ? nonEmpty(response._error) : undefined;
  const comment = str(content.comment)?.slice(0, 200);
  if (error) {
    body.truncated = true;
    notes.push(`response incomplete: ${error.slice(0, 100)}`);
  } else if (comment && /truncat/i.test(comment)) {
    // No note: the flag says it, and this is how the exporter marks truncated bodies (round trips stay equal).
    body.truncated = true;
  } else if (sizeExceedsText(finite(content.size), text, body.encoding === 'base64')) {
    body.truncated = true;
    notes.push(`response body cut short: content.size is ${finite(content.size)} bytes, more than the text holds`);
  }
  return body;
}
