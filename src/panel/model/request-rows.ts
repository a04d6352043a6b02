/** What the request list shows of an exchange. Pure. */
import type { Body, Exchange } from '../../core/model.js';

/** The sources in `seenBy`, de-duplicated, sorted, comma-separated. */
export function exchangeSources(exchange: Exchange): string {
  return [...new Set(Object.values(exchange.seenBy).flatMap((s) => s ?? []))].sort().join(',');
}

/** Characters of a body shown until the user asks for all of it (the raw capture keeps all of it). */
export const MAX_SHOWN_BODY = 64 * 1024;

/**
 * A body as text for display: JSON pretty-printed, base64 bodies named as such. Does not decode base64 (binary
 * bodies are not shown), does not cut or escape (the view does, see shown-text.ts).
 */
export function bodyText(body: Body): string {
  if (body.encoding === 'base64') return `(binary body, ${body.text.length} base64 characters)`;
  let text = body.text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) text = JSON.stringify(parsed, null, 2);
  } catch {
    // Not JSON: shown as captured.
  }
  return text;
}
